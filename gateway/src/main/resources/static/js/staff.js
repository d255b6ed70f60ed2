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
 *   GET  /api/staff/campaigns/{id}/card                         the progress card (framework, scores per target)
 *   PUT  /api/staff/campaigns/{id}/card/framework {themes}      themes -> indicators (the whole list each time)
 *   POST /api/staff/campaigns/{id}/card/targets {name, kind}    add a target
 *   PUT  /api/staff/campaigns/{id}/card/targets/{t}/assessments {cycle, indicatorId, value, evidenceLink, evidenceNote}
 *   GET  /api/staff/campaigns/{id}/card/targets/{t}/history     a target's scores per cycle and assessments
 *   GET  /api/staff/notifications/campaigns/{id}/messages       delivery stats per update/milestone, every 10 s
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
    stopDeliveryRefresh();
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
      if (result.status === 404 || result.status === 405) {
        // the gateway trusts an outside identity provider (OIDC) and has no password sign-in
        show($('sign-in-form'), false);
        show($('oidc-sign-in'), true);
        $('staff-token').focus();
        return;
      }
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

  /** The claims of a JWT, read only to greet the person and list their organisations (the server checks it). */
  function claimsOf(jwt) {
    try {
      var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(Array.prototype.map.call(window.atob(part), function (c) {
        return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
      }).join('')));
    } catch (ignored) {
      return null;
    }
  }

  $('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    clearMessages();
    var pasted = $('staff-token').value.trim().replace(/^Bearer\s+/i, '');
    var claims = claimsOf(pasted);
    if (!claims) {
      problem('That is not an access token', 'Paste the whole token your identity provider gave you.');
      return;
    }
    window.sessionStorage.setItem(TOKEN_KEY, pasted);
    window.sessionStorage.setItem(NAME_KEY, claims.name || claims.email || claims.sub || '');
    window.sessionStorage.setItem(ORGS_KEY, JSON.stringify(
      claims.organisations && typeof claims.organisations === 'object' ? claims.organisations : {}));
    $('staff-token').value = '';
    showCampaigns();
  });

  $('sign-out').addEventListener('click', function () {
    signOut('You are signed out.');
  });

  /* ---------------------------------------------------------------- campaign list */

  function showCampaigns() {
    stopDeliveryRefresh();
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
      loadCard(campaign);
      loadQuarantine(campaign);
      startDeliveryRefresh(campaign);
    } else {
      stopDeliveryRefresh();
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

  var DELIVERY_COUNTERS = ['queued', 'sent', 'deferred', 'failed', 'bounced', 'complained', 'unsubscribed'];
  var DELIVERY_EVERY_MS = 10000;
  var deliveryTimer = null;

  function stopDeliveryRefresh() {
    if (deliveryTimer) {
      window.clearInterval(deliveryTimer);
      deliveryTimer = null;
    }
  }

  function startDeliveryRefresh(campaign) {
    stopDeliveryRefresh();
    loadDelivery(campaign);
    deliveryTimer = window.setInterval(function () {
      // a hidden tab asks nothing; the next tick after it is shown again catches up
      if (!document.hidden && current && current.campaignId === campaign.campaignId) {
        loadDelivery(campaign);
      }
    }, DELIVERY_EVERY_MS);
  }

  function when(value) {
    if (!value) {
      return '';
    }
    var date = new Date(value);
    return isNaN(date.getTime()) ? String(value) : date.toLocaleString();
  }

  /** notification-service: [{messageId, kind, status, published, createdAt, counts: {queued, sent, ...}}] */
  function loadDelivery(campaign) {
    var container = $('delivery');
    api('GET', '/api/staff/notifications/campaigns/' + encodeURIComponent(campaign.campaignId) + '/messages')
      .then(function (result) {
        if (!current || current.campaignId !== campaign.campaignId) {
          return;
        }
        if (!result.ok || !Array.isArray(result.body)) {
          if (result.status !== 401) {
            stopDeliveryRefresh();
            container.textContent = '';
            unavailable(container, 'Delivery statistics');
            $('delivery-status').textContent = '';
          }
          return;
        }
        container.textContent = '';
        $('delivery-status').textContent = 'Last checked ' + new Date().toLocaleTimeString() + '.';
        if (!result.body.length) {
          container.appendChild(node('p', 'No mail has gone out for this campaign yet.', 'hint'));
          return;
        }
        var wrap = node('div', null, 'table-scroll');
        var t = table(['Message', 'Status'].concat(DELIVERY_COUNTERS.map(function (c) {
          return c.charAt(0).toUpperCase() + c.slice(1);
        })), result.body.map(function (m) {
          var counts = m.counts || {};
          return [(m.kind || 'message') + ', ' + when(m.createdAt),
            (m.status || '') + (m.published ? ' (' + m.published + ' recipients)' : '')]
            .concat(DELIVERY_COUNTERS.map(function (c) {
              return Number(counts[c]) || 0;
            }));
        }));
        t.id = 'delivery-table';
        wrap.appendChild(t);
        container.appendChild(wrap);
      }).catch(function () {
        $('delivery-status').textContent = 'Could not reach Pledgeworks; trying again shortly.';
      });
  }

  /* ---------------------------------------------------------------- progress card */

  var card = null; // the card on screen: {framework: {themes}, targets}

  function cardPath(campaign, rest) {
    return '/api/staff/campaigns/' + encodeURIComponent(campaign.campaignId) + '/card' + (rest || '');
  }

  function score(value) {
    return value === null || value === undefined ? 'no data' : String(Math.round(Number(value)));
  }

  function themesOf(c) {
    return (c && c.framework && Array.isArray(c.framework.themes)) ? c.framework.themes : [];
  }

  function indicatorsOf(c) {
    var list = [];
    themesOf(c).forEach(function (theme) {
      (theme.indicators || []).forEach(function (indicator) {
        list.push({ theme: theme, indicator: indicator });
      });
    });
    return list;
  }

  function loadCard(campaign) {
    var status = $('card-status');
    show($('card-history'), false);
    api('GET', cardPath(campaign)).then(function (result) {
      if (!current || current.campaignId !== campaign.campaignId) {
        return;
      }
      if (!result.ok) {
        card = null;
        $('card-scores').textContent = '';
        $('card-framework').textContent = '';
        status.textContent = missing(result) ? 'The progress card is not available yet.'
          : 'We could not load the progress card (' + result.status + ').';
        return;
      }
      card = result.body || {};
      status.textContent = '';
      renderFramework(campaign);
      renderScores(campaign);
      fillAssessmentChoices();
    });
  }

  function renderFramework(campaign) {
    var container = $('card-framework');
    container.textContent = '';
    var rows = indicatorsOf(card);
    if (!rows.length) {
      container.appendChild(node('p', 'No themes yet: add an indicator below to start the card.', 'hint'));
      return;
    }
    container.appendChild(table(['Theme', 'Indicator', 'Scale', ''], rows.map(function (row) {
      var remove = button('Remove', function () {
        var themes = themesOf(card).map(function (theme) {
          return {
            themeId: theme.themeId, name: theme.name, indicators: (theme.indicators || []).filter(function (i) {
              return !(theme.themeId === row.theme.themeId && i.indicatorId === row.indicator.indicatorId);
            })
          };
        }).filter(function (theme) {
          return theme.indicators.length > 0;
        });
        if (!themes.length) {
          problem('A card needs one indicator', 'Add another indicator before removing the last one.');
          return;
        }
        saveFramework(campaign, themes, 'Indicator removed.');
      }, true);
      remove.setAttribute('aria-label', 'Remove indicator ' + row.indicator.name);
      return [row.theme.name + ' (' + row.theme.themeId + ')', row.indicator.name + ' (' + row.indicator.indicatorId + ')',
        row.indicator.scale, remove];
    })));
  }

  function renderScores(campaign) {
    var container = $('card-scores');
    container.textContent = '';
    var targets = Array.isArray(card.targets) ? card.targets : [];
    if (!targets.length) {
      container.appendChild(node('p', 'No targets yet.', 'hint'));
      return;
    }
    var themes = themesOf(card);
    var wrap = node('div', null, 'table-scroll');
    var t = table(['Target', 'Cycle', 'Overall'].concat(themes.map(function (theme) {
      return theme.name;
    })).concat(['Right of reply', '']), targets.map(function (target) {
      var history = button('History', function () {
        showTargetHistory(campaign, target);
      }, true);
      history.setAttribute('aria-label', 'History of ' + target.name);
      var replies = (target.replies || []).map(function (r) {
        return r.status;
      }).join(', ');
      return [target.name + (target.kind ? ' (' + target.kind + ')' : ''), target.cycle || '—',
        target.cycle ? score(target.overallScore) : '—']
        .concat(themes.map(function (theme) {
          var themeScores = target.themeScores || {};
          return Object.prototype.hasOwnProperty.call(themeScores, theme.themeId) ? score(themeScores[theme.themeId]) : '—';
        }))
        .concat([replies || 'none', history]);
    }));
    t.id = 'card-score-table';
    wrap.appendChild(t);
    container.appendChild(wrap);
  }

  function showTargetHistory(campaign, target) {
    var panel = $('card-history');
    api('GET', cardPath(campaign, '/targets/' + encodeURIComponent(target.targetId) + '/history')).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      var history = result.body || {};
      panel.textContent = '';
      var heading = node('h4', 'History of ' + (history.name || target.name));
      heading.tabIndex = -1;
      panel.appendChild(heading);
      var cycles = Array.isArray(history.cycles) ? history.cycles : [];
      if (cycles.length) {
        var points = cycles.map(function (c) {
          return { label: c.cycle, value: c.overallScore === null || c.overallScore === undefined ? null : Number(c.overallScore) };
        });
        panel.appendChild(window.PledgeworksCharts.line(points, 'Overall score per cycle: ' + points.map(function (p) {
          return p.label + ' ' + (p.value === null ? 'no data' : Math.round(p.value));
        }).join(', '), 100));
        panel.appendChild(table(['Cycle', 'Overall'], cycles.map(function (c) {
          return [c.cycle, score(c.overallScore)];
        })));
      } else {
        panel.appendChild(node('p', 'Not assessed yet.', 'hint'));
      }
      var names = {};
      indicatorsOf(card).forEach(function (row) {
        names[row.indicator.indicatorId] = row.indicator.name;
      });
      var rows = [];
      (history.indicators || []).forEach(function (ih) {
        (ih.assessments || []).forEach(function (a) {
          rows.push([names[ih.indicatorId] || ih.indicatorId, a.cycle, a.value, score(a.score),
            a.evidenceLink || a.evidenceNote || '', (a.reviewedBy || '') + (a.reviewedAt ? ', ' + when(a.reviewedAt) : '')]);
        });
      });
      if (rows.length) {
        var wrap = node('div', null, 'table-scroll');
        wrap.appendChild(table(['Indicator', 'Cycle', 'Value', 'Score', 'Evidence', 'Reviewed by'], rows));
        panel.appendChild(wrap);
      }
      show(panel, true);
      heading.focus();
    });
  }

  function fillAssessmentChoices() {
    var targetSelect = $('a-target');
    var indicatorSelect = $('a-indicator');
    var keepTarget = targetSelect.value;
    var keepIndicator = indicatorSelect.value;
    targetSelect.textContent = '';
    (card.targets || []).forEach(function (target) {
      var option = node('option', target.name);
      option.value = target.targetId;
      targetSelect.appendChild(option);
    });
    indicatorSelect.textContent = '';
    indicatorsOf(card).forEach(function (row) {
      var option = node('option', row.theme.name + ': ' + row.indicator.name);
      option.value = row.indicator.indicatorId;
      option.setAttribute('data-scale', row.indicator.scale);
      indicatorSelect.appendChild(option);
    });
    if (keepTarget) {
      targetSelect.value = keepTarget;
    }
    if (keepIndicator) {
      indicatorSelect.value = keepIndicator;
    }
    valueHint();
  }

  function valueHint() {
    var option = $('a-indicator').selectedOptions && $('a-indicator').selectedOptions[0];
    var scale = option ? option.getAttribute('data-scale') : null;
    $('a-value-hint').textContent = scale === 'percent' ? 'A number from 0 to 100, or no-data.'
      : 'yes, partial, no or no-data.';
  }

  $('a-indicator').addEventListener('change', valueHint);

  function saveFramework(campaign, themes, done) {
    api('PUT', cardPath(campaign, '/framework'), { themes: themes }).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      message(done);
      loadCard(campaign);
    });
  }

  $('indicator-form').addEventListener('submit', function (event) {
    event.preventDefault();
    clearMessages();
    var themeId = $('i-themeId').value.trim();
    var indicator = { indicatorId: $('i-indicatorId').value.trim(), name: $('i-name').value.trim(), scale: $('i-scale').value };
    var themes = themesOf(card).map(function (theme) {
      return { themeId: theme.themeId, name: theme.name, indicators: (theme.indicators || []).slice() };
    });
    var theme = themes.filter(function (t) {
      return t.themeId === themeId;
    })[0];
    if (!theme) {
      theme = { themeId: themeId, name: $('i-themeName').value.trim() || themeId, indicators: [] };
      themes.push(theme);
    }
    theme.indicators.push(indicator);
    saveFramework(current, themes, 'Indicator added.');
    $('i-indicatorId').value = '';
    $('i-name').value = '';
  });

  $('target-form').addEventListener('submit', function (event) {
    event.preventDefault();
    clearMessages();
    var input = { name: $('t-name').value.trim(), kind: $('t-kind').value.trim() || null };
    api('POST', cardPath(current, '/targets'), input).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      $('t-name').value = '';
      $('t-kind').value = '';
      message('Target added: ' + input.name + '.');
      loadCard(current);
    });
  });

  $('assessment-form').addEventListener('submit', function (event) {
    event.preventDefault();
    clearMessages();
    var targetId = $('a-target').value;
    if (!targetId) {
      problem('Choose a target', 'Add a target first, then assess it.');
      return;
    }
    var input = {
      cycle: $('a-cycle').value.trim(), indicatorId: $('a-indicator').value, value: $('a-value').value.trim(),
      evidenceLink: $('a-evidenceLink').value.trim() || null, evidenceNote: $('a-evidenceNote').value.trim() || null
    };
    api('PUT', cardPath(current, '/targets/' + encodeURIComponent(targetId) + '/assessments'), input).then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      $('a-value').value = '';
      $('a-evidenceLink').value = '';
      $('a-evidenceNote').value = '';
      message('Assessment recorded: score ' + score(result.body && result.body.score) + '.');
      loadCard(current);
    });
  });

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
