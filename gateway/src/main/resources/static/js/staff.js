/*
 * staff/index.html: the staff console.
 *
 * The token from POST /api/auth/token is kept in sessionStorage (gone when the tab closes) and sent as
 * "Authorization: Bearer" on every staff call; a 401 sends the person back to sign in. Everything from
 * the server is written with textContent. An endpoint a service does not have yet (404/405/503) shows
 * "not available yet" in its section and leaves the rest working.
 *
 * Calls:
 *   POST /api/auth/token                                        sign in
 *   GET  /api/staff/campaigns                                   own campaigns
 *   POST /api/staff/campaigns, PUT /api/staff/campaigns/{id}    create, edit
 *   POST /api/staff/campaigns/{id}/publish | /close             publish, close
 *   GET  /api/campaigns/{slug}/count                            by country
 *   GET  /api/campaigns/{slug}/pledges/history?resolution=day   over time
 *   GET  /api/staff/campaigns/{id}/updates, POST (write)
 *   GET  /api/staff/campaigns/{id}/updates/{u}/preview, POST .../schedule {publishAt}, POST .../publish
 *   GET  /api/staff/pledges/campaigns/{slug}/quarantine, POST .../quarantine/release | /invalidate {domain}
 *   GET  /api/staff/notifications/campaigns/{id}/stats          delivery stats (when notification-service has it)
 *   GET  /api/staff/pledges/campaigns/{slug}/signers.csv        export of consenting signers (when pledge-service has it)
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'pledgeworks.staffToken';
  var NAME_KEY = 'pledgeworks.staffName';
  var ORGS_KEY = 'pledgeworks.staffOrganisations';

  var current = null; // the campaign on screen, as the server last returned it

  function $(id) {
    return document.getElementById(id);
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  function node(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) {
      element.textContent = String(text);
    }
    if (className) {
      element.className = className;
    }
    return element;
  }

  function button(label, onClick, secondary) {
    var b = node('button', label, secondary ? 'button button-secondary' : 'button');
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  /* ---------------------------------------------------------------- messages */

  function clearMessages() {
    show($('console-problem'), false);
    show($('console-message'), false);
    $('console-problem-list').textContent = '';
  }

  function problem(title, detail, errors) {
    $('console-problem-title').textContent = title || 'Something went wrong';
    $('console-problem-detail').textContent = detail || '';
    var list = $('console-problem-list');
    list.textContent = '';
    (errors || []).forEach(function (e) {
      list.appendChild(node('li', (e.field ? e.field + ': ' : '') + e.message));
    });
    show($('console-problem'), true);
    $('console-problem').focus();
  }

  function message(text) {
    $('console-message').textContent = text;
    show($('console-message'), true);
  }

  /* ---------------------------------------------------------------- API */

  function token() {
    return window.sessionStorage.getItem(TOKEN_KEY);
  }

  /** Resolves {ok, status, body} for any answer; rejects only when the network fails. */
  function api(method, path, body) {
    var headers = { Accept: 'application/json, application/problem+json' };
    if (token()) {
      headers.Authorization = 'Bearer ' + token();
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var parsed = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch (ignored) {
            parsed = null;
          }
          if (response.status === 401 && path.indexOf('/api/auth/') !== 0) {
            signOut('Your session has ended. Please sign in again.');
          }
          return { ok: response.ok, status: response.status, body: parsed };
        });
      });
  }

  function missing(result) {
    return result.status === 404 || result.status === 405 || result.status === 501 || result.status === 503;
  }

  function showFailure(result) {
    var body = result.body || {};
    problem(body.title || ('The request failed (' + result.status + ')'), body.detail,
      Array.isArray(body.errors) ? body.errors : []);
  }

  function unavailable(container, what) {
    container.textContent = '';
    container.appendChild(node('p', what + ' is not available yet.', 'hint'));
  }

  /* ---------------------------------------------------------------- sign in and out */

  function signOut(reason) {
    window.sessionStorage.removeItem(TOKEN_KEY);
    window.sessionStorage.removeItem(NAME_KEY);
    window.sessionStorage.removeItem(ORGS_KEY);
    current = null;
    show($('campaigns'), false);
    show($('campaign'), false);
    show($('sign-in'), true);
    if (reason) {
      message(reason);
    }
  }

  $('sign-in-form').addEventListener('submit', function (event) {
    event.preventDefault();
    clearMessages();
    var email = $('staff-email').value.trim();
    var password = $('staff-password').value;
    if (!email || !password) {
      problem('Email and password needed', 'Enter your email address and password.');
      return;
    }
    $('sign-in-button').disabled = true;
    api('POST', '/api/auth/token', { email: email, password: password }).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      window.sessionStorage.setItem(TOKEN_KEY, result.body.access_token);
      window.sessionStorage.setItem(NAME_KEY, result.body.name || email);
      window.sessionStorage.setItem(ORGS_KEY, JSON.stringify(result.body.organisations || {}));
      $('staff-password').value = '';
      showCampaigns();
    }).catch(function () {
      problem('We could not reach Pledgeworks', 'Check your connection and try again.');
    }).then(function () {
      $('sign-in-button').disabled = false;
    });
  });

  $('sign-out').addEventListener('click', function () {
    signOut('You are signed out.');
  });

  /* ---------------------------------------------------------------- campaign list */

  function showCampaigns() {
    show($('sign-in'), false);
    show($('campaign'), false);
    show($('campaigns'), true);
    $('staff-name').textContent = window.sessionStorage.getItem(NAME_KEY) || '';
    $('campaigns-status').textContent = 'Loading your campaigns…';
    show($('campaigns-status'), true);
    api('GET', '/api/staff/campaigns').then(function (result) {
      if (!result.ok) {
        if (result.status !== 401) {
          $('campaigns-status').textContent = 'We could not load your campaigns (' + result.status + ').';
        }
        return;
      }
      var items = Array.isArray(result.body) ? result.body : ((result.body && result.body.items) || []);
      var rows = $('campaign-rows');
      rows.textContent = '';
      items.forEach(function (campaign) {
        var row = document.createElement('tr');
        var titleCell = document.createElement('td');
        var link = node('a', campaign.title || campaign.slug);
        link.href = '#';
        link.addEventListener('click', function (e) {
          e.preventDefault();
          openCampaign(campaign);
        });
        titleCell.appendChild(link);
        row.appendChild(titleCell);
        row.appendChild(node('td', campaign.status));
        row.appendChild(node('td', campaign.ownerOrganisation));
        rows.appendChild(row);
      });
      show($('campaign-table'), items.length > 0);
      $('campaigns-status').textContent = items.length ? items.length + ' campaign' + (items.length === 1 ? '' : 's')
        : 'You have no campaigns yet.';
    }).catch(function () {
      $('campaigns-status').textContent = 'We could not reach Pledgeworks.';
    });
  }

  $('new-campaign').addEventListener('click', function () {
    openCampaign(null);
  });

  $('back-to-list').addEventListener('click', function (event) {
    event.preventDefault();
    clearMessages();
    showCampaigns();
  });

  /* ---------------------------------------------------------------- one campaign */

  var CAMPAIGN_FIELDS = ['title', 'slug', 'summary', 'pledgeText', 'goal', 'defaultLocale', 'ownerOrganisation'];

  function fillOrganisations(selected) {
    var select = $('c-ownerOrganisation');
    select.textContent = '';
    var orgs = {};
    try {
      orgs = JSON.parse(window.sessionStorage.getItem(ORGS_KEY) || '{}');
    } catch (ignored) {
      orgs = {};
    }
    Object.keys(orgs).forEach(function (org) {
      var option = node('option', org + ' (' + orgs[org] + ')');
      option.value = org;
      select.appendChild(option);
    });
    if (selected) {
      select.value = selected;
    }
  }

  function openCampaign(campaign) {
    clearMessages();
    current = campaign;
    show($('campaigns'), false);
    show($('campaign'), true);
    fillOrganisations(campaign && campaign.ownerOrganisation);
    CAMPAIGN_FIELDS.forEach(function (field) {
      if (field !== 'ownerOrganisation') {
        $('c-' + field).value = campaign && campaign[field] !== undefined && campaign[field] !== null
          ? campaign[field] : (field === 'defaultLocale' ? 'en' : '');
      }
    });
    $('c-endsAt').value = campaign && campaign.endsAt ? String(campaign.endsAt).substring(0, 16) : '';
    $('campaign-heading').textContent = campaign ? campaign.title : 'New campaign';
    $('campaign-state').textContent = campaign ? 'Status: ' + campaign.status : '';
    show($('campaign-actions'), !!campaign);
    show($('campaign-extras'), !!campaign);
    if (campaign) {
      $('view-public').href = '/campaign.html?slug=' + encodeURIComponent(campaign.slug);
      show($('publish-campaign'), campaign.status === 'draft');
      show($('close-campaign'), campaign.status === 'open');
      loadCounts(campaign);
      loadUpdates(campaign);
      loadQuarantine(campaign);
      loadDelivery(campaign);
    }
    $('main').focus();
  }

  $('campaign-form').addEventListener('submit', function (event) {
    event.preventDefault();
    clearMessages();
    var input = {};
    CAMPAIGN_FIELDS.forEach(function (field) {
      input[field] = $('c-' + field).value.trim();
    });
    input.goal = input.goal ? Number(input.goal) : null;
    input.endsAt = $('c-endsAt').value ? new Date($('c-endsAt').value).toISOString() : null;
    var editing = !!current;
    var request = editing ? api('PUT', '/api/staff/campaigns/' + encodeURIComponent(current.campaignId), input)
      : api('POST', '/api/staff/campaigns', input);
    request.then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      openCampaign(result.body);
      message(editing ? 'Saved.' : 'Campaign created as a draft.');
    });
  });

  function transition(action, done) {
    api('POST', '/api/staff/campaigns/' + encodeURIComponent(current.campaignId) + '/' + action).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      openCampaign(result.body);
      message(done);
    });
  }

  $('publish-campaign').addEventListener('click', function () {
    transition('publish', 'Published: the campaign is open for signatures.');
  });
  $('close-campaign').addEventListener('click', function () {
    transition('close', 'Closed: the campaign takes no more signatures.');
  });

  /* ---------------------------------------------------------------- counts */

  function loadCounts(campaign) {
    var slug = encodeURIComponent(campaign.slug);
    api('GET', '/api/campaigns/' + slug + '/count').then(function (result) {
      var container = $('by-country');
      container.textContent = '';
      if (!result.ok) {
        $('count-summary').textContent = 'No count yet.';
        return;
      }
      var total = Number(result.body.total) || 0;
      $('count-summary').textContent = total + ' confirmed signature' + (total === 1 ? '' : 's')
        + (campaign.goal ? ' of a goal of ' + campaign.goal : '') + '.';
      var byCountry = result.body.byCountry || {};
      var points = Object.keys(byCountry).sort(function (a, b) {
        return byCountry[b] - byCountry[a];
      }).slice(0, 12).map(function (code) {
        return { label: code, value: byCountry[code] };
      });
      if (!points.length) {
        return;
      }
      container.appendChild(window.PledgeworksCharts.bars(points, 'Signatures by country: ' + points.map(function (p) {
        return p.label + ' ' + p.value;
      }).join(', ')));
      container.appendChild(table(['Country', 'Signatures'], points.map(function (p) {
        return [p.label, p.value];
      })));
    });
    api('GET', '/api/campaigns/' + slug + '/pledges/history?resolution=day').then(function (result) {
      var container = $('over-time');
      container.textContent = '';
      var points = result.ok && result.body && Array.isArray(result.body.points) ? result.body.points : null;
      if (!points) {
        unavailable(container, 'The history of signatures');
        return;
      }
      if (!points.length) {
        container.appendChild(node('p', 'No signatures yet.', 'hint'));
        return;
      }
      var data = points.slice(-30).map(function (p) {
        return { label: String(p.at).substring(5, 10), value: Number(p.total) || 0 };
      });
      container.appendChild(window.PledgeworksCharts.line(data, 'Confirmed signatures by day, last '
        + data.length + ' days, reaching ' + data[data.length - 1].value));
    });
  }

  function table(headings, rows) {
    var t = node('table', null, 'data-table');
    var head = document.createElement('tr');
    headings.forEach(function (h) {
      var th = node('th', h);
      th.scope = 'col';
      head.appendChild(th);
    });
    var thead = document.createElement('thead');
    thead.appendChild(head);
    t.appendChild(thead);
    var tbody = document.createElement('tbody');
    rows.forEach(function (cells) {
      var tr = document.createElement('tr');
      cells.forEach(function (cell) {
        if (cell instanceof Node) {
          var td = document.createElement('td');
          td.appendChild(cell);
          tr.appendChild(td);
        } else {
          tr.appendChild(node('td', cell));
        }
      });
      tbody.appendChild(tr);
    });
    t.appendChild(tbody);
    return t;
  }

  /* ---------------------------------------------------------------- updates */

  function updatesPath(campaign, rest) {
    return '/api/staff/campaigns/' + encodeURIComponent(campaign.campaignId) + '/updates' + (rest || '');
  }

  function loadUpdates(campaign) {
    var rows = $('update-rows');
    rows.textContent = '';
    show($('update-preview'), false);
    api('GET', updatesPath(campaign)).then(function (result) {
      if (!result.ok) {
        var row = document.createElement('tr');
        row.appendChild(node('td', missing(result) ? 'Updates are not available yet.' : 'Could not load updates.'));
        rows.appendChild(row);
        return;
      }
      var items = Array.isArray(result.body) ? result.body : ((result.body && result.body.items) || []);
      items.forEach(function (update) {
        var row = document.createElement('tr');
        row.appendChild(node('td', update.title));
        row.appendChild(node('td', update.status + (update.publishAt ? ' (' + update.publishAt + ')' : '')));
        var actions = node('td', null, 'button-row');
        var id = encodeURIComponent(update.updateId);
        actions.appendChild(button('Preview', function () {
          api('GET', updatesPath(campaign, '/' + id + '/preview')).then(function (r) {
            if (!r.ok) {
              showFailure(r);
              return;
            }
            var preview = $('update-preview');
            preview.textContent = '';
            preview.appendChild(node('h3', r.body.title));
            preview.appendChild(node('p', r.body.bodyText));
            show(preview, true);
          });
        }, true));
        if (update.status !== 'published') {
          actions.appendChild(button('Schedule', function () {
            var at = $('schedule-at').value;
            if (!at) {
              problem('Choose a time', 'Set "Publish scheduled updates at" first.');
              return;
            }
            api('POST', updatesPath(campaign, '/' + id + '/schedule'), { publishAt: new Date(at).toISOString() })
              .then(function (r) {
                if (!r.ok) {
                  showFailure(r);
                  return;
                }
                message('Scheduled.');
                loadUpdates(campaign);
              });
          }, true));
          actions.appendChild(button('Publish now', function () {
            api('POST', updatesPath(campaign, '/' + id + '/publish')).then(function (r) {
              if (!r.ok) {
                showFailure(r);
                return;
              }
              message('Published: subscribers will receive it by email.');
              loadUpdates(campaign);
            });
          }));
        }
        row.appendChild(actions);
        rows.appendChild(row);
      });
    });
  }

  $('update-form').addEventListener('submit', function (event) {
    event.preventDefault();
    clearMessages();
    var input = { title: $('u-title').value.trim(), body: $('u-body').value, locale: current.defaultLocale || 'en' };
    api('POST', updatesPath(current), input).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      $('u-title').value = '';
      $('u-body').value = '';
      message('Update saved as a draft.');
      loadUpdates(current);
    });
  });

  /* ---------------------------------------------------------------- quarantine */

  function loadQuarantine(campaign) {
    var container = $('quarantine');
    var base = '/api/staff/pledges/campaigns/' + encodeURIComponent(campaign.slug) + '/quarantine';
    api('GET', base).then(function (result) {
      container.textContent = '';
      if (!result.ok) {
        unavailable(container, 'The quarantine');
        return;
      }
      var items = (result.body && result.body.items) || [];
      if (!items.length) {
        container.appendChild(node('p', 'Nothing is held back.', 'hint'));
        return;
      }
      container.appendChild(table(['Email', 'Country', 'Reason', 'Since', 'Decide for the domain'],
        items.map(function (held) {
          var decide = node('div', null, 'button-row');
          [['release', 'Release'], ['invalidate', 'Invalid']].forEach(function (pair) {
            decide.appendChild(button(pair[1], function () {
              api('POST', base + '/' + pair[0], { domain: held.domain }).then(function (r) {
                if (!r.ok) {
                  showFailure(r);
                  return;
                }
                message((r.body && r.body.changed) + ' signature(s) from ' + held.domain + ': ' + pair[0] + 'd.');
                loadQuarantine(campaign);
              });
            }, pair[0] !== 'release'));
          });
          return [held.maskedEmail, held.country, held.reason, held.createdAt, decide];
        })));
    });
  }

  /* ---------------------------------------------------------------- delivery stats */

  function loadDelivery(campaign) {
    var container = $('delivery');
    api('GET', '/api/staff/notifications/campaigns/' + encodeURIComponent(campaign.campaignId) + '/stats')
      .then(function (result) {
        container.textContent = '';
        if (!result.ok || !result.body) {
          unavailable(container, 'Delivery statistics');
          return;
        }
        var rows = [];
        var source = Array.isArray(result.body.items) ? result.body.items : [result.body];
        source.forEach(function (entry) {
          Object.keys(entry).forEach(function (key) {
            var value = entry[key];
            if (value === null || typeof value !== 'object') {
              rows.push([key, value]);
            } else {
              Object.keys(value).forEach(function (k) {
                rows.push([key + ' ' + k, JSON.stringify(value[k])]);
              });
            }
          });
        });
        container.appendChild(table(['', ''], rows));
      });
  }

  /* ---------------------------------------------------------------- export */

  $('export-csv').addEventListener('click', function () {
    var status = $('export-status');
    status.textContent = 'Preparing the export…';
    fetch('/api/staff/pledges/campaigns/' + encodeURIComponent(current.slug) + '/signers.csv', {
      headers: { Authorization: 'Bearer ' + token(), Accept: 'text/csv' }
    }).then(function (response) {
      if (!response.ok) {
        status.textContent = response.status === 404 || response.status === 503
          ? 'The export is not available yet.' : 'The export failed (' + response.status + ').';
        return;
      }
      return response.blob().then(function (blob) {
        var link = node('a', 'Save ' + current.slug + '-signers.csv');
        link.href = URL.createObjectURL(blob);
        link.download = current.slug + '-signers.csv';
        status.textContent = '';
        status.appendChild(link);
        link.focus();
      });
    }).catch(function () {
      status.textContent = 'We could not reach Pledgeworks.';
    });
  });

  /* ---------------------------------------------------------------- start */

  if (token()) {
    showCampaigns();
  } else {
    signOut(null);
  }
}());
