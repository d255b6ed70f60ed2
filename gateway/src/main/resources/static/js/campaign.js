/*
 * The campaign page, /campaigns/{slug}: the gateway renders it whole (pledge, count, sign form, updates;
 * gateway/.../pages/), and this script enhances it: the live count, the form's checks and its answer
 * without leaving the page, the progress card, the copy-link button. The slug, goal and status are in
 * data-* attributes of #campaign, so the page needs no read of the campaign itself.
 *
 * Calls (all through the gateway):
 *   GET  /api/campaigns/{slug}/count    -> {total, byCountry, asOf, ...}   every 5 s
 *   GET  /api/campaigns/{slug}/card/grid -> the progress card's grid, drawn by js/card-grid.js (404: no card)
 *   POST /api/campaigns/{slug}/pledges  <- {name, email, country, consentToUpdates, locale}
 *        202 -> check your email; 400 problem with errors [{field, message}]; 404/409/503 problem
 *
 * Everything that comes from the server is written with textContent, never as HTML: campaign texts are
 * written by staff of many organisations, and a page that renders them as markup would run their scripts.
 */
(function () {
  'use strict';

  var COUNT_EVERY_MS = 5000;

  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function $(id) {
    return document.getElementById(id);
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  /** The campaign as the server rendered it into #campaign's data-* attributes; null on another page. */
  function renderedCampaign() {
    var article = $('campaign');
    if (!article || !article.dataset.slug) {
      return null;
    }
    return { slug: article.dataset.slug, goal: Number(article.dataset.goal) || 0, status: article.dataset.status };
  }

  function apiPath(slug, suffix) {
    return '/api/campaigns/' + encodeURIComponent(slug) + (suffix || '');
  }

  /** A problem document (RFC 9457) from any error response, even one that is not JSON. */
  function readProblem(response) {
    return response.json().then(function (body) {
      return body && typeof body === 'object' ? body : {};
    }, function () {
      return {};
    }).then(function (problem) {
      if (!problem.title) {
        problem.title = response.status === 503 ? 'Service temporarily unavailable' : 'Something went wrong';
      }
      return problem;
    });
  }

  function fetchJson(path, options) {
    var init = options || {};
    init.headers = Object.assign({ Accept: 'application/json, application/problem+json' }, init.headers || {});
    return fetch(path, init);
  }

  /* ---------------------------------------------------------------- live count */

  function renderCount(total, goal) {
    var totalText = numberFormat.format(total);
    // only touch the live region when the number changed, or screen readers repeat it every 5 s
    if ($('count-total').textContent !== totalText) {
      $('count-total').textContent = totalText;
      $('count-label').textContent = total === 1 ? 'confirmed signature' : 'confirmed signatures';
    }
    if (goal > 0) {
      var bar = $('count-bar');
      bar.max = goal;
      bar.value = Math.min(total, goal);
      var percent = Math.floor((Math.min(total, goal) / goal) * 100);
      var goalText = percent + '% of the goal of ' + numberFormat.format(goal) + ' signatures';
      if ($('goal-text').textContent !== goalText) {
        $('goal-text').textContent = goalText;
      }
      show($('goal'), true);
    }
  }

  function startCount(slug, goal) {
    var timer = null;

    function poll() {
      timer = null;
      fetchJson(apiPath(slug, '/count')).then(function (response) {
        if (!response.ok) {
          throw new Error('count answered ' + response.status);
        }
        return response.json();
      }).then(function (count) {
        renderCount(Number(count.total) || 0, goal);
        show($('count-stale'), false);
      }).catch(function () {
        // keep the last number on screen; say it is not live rather than showing an error
        show($('count-stale'), $('count-total').textContent !== '–');
      }).then(schedule);
    }

    function schedule() {
      // no polling from a tab nobody looks at; visibilitychange resumes it
      if (!document.hidden && timer === null) {
        timer = window.setTimeout(poll, COUNT_EVERY_MS);
      }
    }

    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && timer === null) {
        poll();
      }
    });
    poll();
  }

  /* ---------------------------------------------------------------- sign form */

  /** The sign form is its own script (js/sign-form.js); without it the form still posts, as a plain form. */
  function startForm(slug) {
    if (window.PledgeworksSignForm) {
      window.PledgeworksSignForm.start(slug, {
        $: $, show: show, apiPath: apiPath, readProblem: readProblem, fetchJson: fetchJson,
        problemCount: problemCount, browserLocale: browserLocale
      });
    }
  }

  function problemCount(n) {
    return n === 1 ? 'There is 1 problem with the form.' : 'There are ' + n + ' problems with the form.';
  }

  /** The reader's language, sent so the confirmation mail can be in it; left out if it looks odd. */
  function browserLocale() {
    var locale = navigator.language;
    return locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined;
  }

  /* ---------------------------------------------------------------- follow without signing */

  var FOLLOW_INPUTS = { email: 'follow-email', name: 'follow-name' };

  /** Clears the follow form's messages and marks; the sign form keeps its own. */
  function clearFollowErrors() {
    window.PledgeworksFormErrors.clear(FOLLOW_INPUTS);
    $('follow-errors-live').textContent = '';
    $('follow-problem-title').textContent = '';
    $('follow-problem-detail').textContent = '';
    $('follow-problem-list').textContent = '';
    show($('follow-problem'), false);
  }

  function showFollowProblem(problem, extraMessages) {
    $('follow-problem-title').textContent = problem.title || 'Something went wrong';
    $('follow-problem-detail').textContent = problem.detail || '';
    (extraMessages || []).forEach(function (text) {
      var item = document.createElement('li');
      item.textContent = text;
      $('follow-problem-list').appendChild(item);
    });
    show($('follow-problem'), true);
    $('follow-problem').focus();
  }

  /** Each error next to its field (email, name); others in the box above the form. */
  function showFollowErrors(errors, problem) {
    var unplaced = window.PledgeworksFormErrors.place(errors, FOLLOW_INPUTS);
    $('follow-errors-live').textContent = problemCount(errors.length);
    if (unplaced.length) {
      showFollowProblem(problem || { title: 'Please check the form' }, unplaced);
      return;
    }
    var first = document.querySelector('#follow-form [aria-invalid="true"]');
    if (first) {
      first.focus();
    }
  }

  function startFollow(slug) {
    var form = $('follow-form');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearFollowErrors();
      var request = {
        campaignSlug: slug,
        email: $('follow-email').value.trim(),
        name: $('follow-name').value.trim() || undefined,
        locale: browserLocale()
      };
      if (!request.email) {
        showFollowErrors([{ field: 'email', message: 'Enter your email address.' }]);
        return;
      }
      if (!/^[^\s@]+@[^\s@]+$/.test(request.email) || request.email.length > 254) {
        showFollowErrors([{ field: 'email', message: 'Enter an email address like name@example.org.' }]);
        return;
      }
      $('follow-button').disabled = true;
      fetchJson('/api/notifications/follow', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request)
      }).then(function (response) {
        if (response.status === 202 || response.ok) {
          return response.json().then(function (body) {
            return body && typeof body === 'object' ? body : {};
          }, function () {
            return {};
          }).then(function (body) {
            if (body.message || body.detail) {
              $('follow-success-text').textContent = body.message || body.detail;
            }
            show(form, false);
            show($('follow-success'), true);
            $('follow-success').focus();
          });
        }
        return readProblem(response).then(function (problem) {
          var errors = Array.isArray(problem.errors) ? problem.errors : [];
          if (response.status === 400 && errors.length) {
            showFollowErrors(errors, problem);
          } else {
            showFollowProblem(problem);
          }
        });
      }).catch(function () {
        showFollowProblem({ title: 'We could not reach Pledgeworks', detail: 'Check your connection and try again.' });
      }).then(function () {
        $('follow-button').disabled = false;
      });
    });
  }

  /* ---------------------------------------------------------------- progress card */

  /** The grid is its own script (js/card-grid.js); without it the page is whole, only without the card. */
  function startCard(slug) {
    if (window.PledgeworksCardGrid) {
      window.PledgeworksCardGrid.start(slug);
    }
  }

  /* ---------------------------------------------------------------- sharing */

  /** The share field is always there; the button that copies it needs script, so script shows it. */
  function startCopyLink() {
    var button = $('copy-link');
    var field = $('share-url');
    if (!button || !field || !navigator.clipboard) {
      return;
    }
    show(button, true);
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        $('copy-link-done').textContent = 'Link copied.';
      }, function () {
        field.select();
        $('copy-link-done').textContent = 'Select the link above and copy it.';
      });
    });
  }

  /* ---------------------------------------------------------------- start */

  function start() {
    var campaign = renderedCampaign();
    if (!campaign) {
      return;
    }
    if ($('sign-form')) {
      startForm(campaign.slug);
    }
    if ($('follow-form')) {
      startFollow(campaign.slug);
    }
    startCount(campaign.slug, campaign.goal);
    startCard(campaign.slug);
    startCopyLink();
  }

  start();
}());
