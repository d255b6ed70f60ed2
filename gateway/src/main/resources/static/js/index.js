/*
 * index.html: the open campaigns.
 *
 * Calls GET /api/campaigns -> {"items":[{campaignId, slug, title, summary, goal, status}], "page", "size", "total"}
 * and links each to /campaigns/<slug>. Texts are written with textContent, never as HTML.
 */
(function () {
  'use strict';

  function $(id) {
    return document.getElementById(id);
  }

  function showStatus(message) {
    $('campaigns-status').textContent = message;
    $('campaigns-status').hidden = false;
  }

  function renderCampaigns(items) {
    var list = $('campaign-list');
    list.textContent = '';
    items.forEach(function (campaign) {
      var item = document.createElement('li');
      item.className = 'campaign-item';

      var heading = document.createElement('h3');
      var link = document.createElement('a');
      link.href = '/campaigns/' + encodeURIComponent(campaign.slug);
      link.textContent = campaign.title;
      heading.appendChild(link);
      item.appendChild(heading);

      if (campaign.summary) {
        var summary = document.createElement('p');
        summary.textContent = campaign.summary;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
    list.hidden = items.length === 0;
  }

  // A request that stalls (a connection the browser keeps waiting on, a gateway restarting) must not
  // leave "Loading campaigns…" on screen for ever: each try is cut after LOAD_TIMEOUT_MS and the list
  // is asked for again, a few times, before the page says it could not load.
  var LOAD_TIMEOUT_MS = 8000;
  var LOAD_TRIES = 3;

  function load(attempt) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? window.setTimeout(function () { controller.abort(); }, LOAD_TIMEOUT_MS) : null;
    fetch('/api/campaigns', {
      headers: { Accept: 'application/json, application/problem+json' },
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () {
            return {};
          }).then(function (problem) {
            showStatus((problem.title || 'We could not load the campaigns') + '. Please try again in a moment.');
          });
        }
        return response.json().then(function (page) {
          var items = (page && Array.isArray(page.items)) ? page.items : [];
          renderCampaigns(items);
          if (items.length) {
            $('campaigns-status').hidden = true;
          } else {
            showStatus('There are no open campaigns right now.');
          }
        });
      })
      .catch(function () {
        if (attempt < LOAD_TRIES) {
          window.setTimeout(function () { load(attempt + 1); }, 1000);
          return;
        }
        showStatus('We could not reach Pledgeworks. Check your connection and reload the page.');
      })
      .then(function () {
        if (timer) {
          window.clearTimeout(timer);
        }
      });
  }

  load(1);
}());
