/* Updates: a campaign's updates to its subscribers; write, preview, schedule, publish. */
import { $, show, node, button, clearMessages, problem, message, api, missing, showFailure, currentCampaign }
  from './shared.js';

function updatesPath(campaign, rest) {
  return '/api/staff/campaigns/' + encodeURIComponent(campaign.campaignId) + '/updates' + (rest || '');
}

/** One cell across the table's three columns, for what is said instead of rows. */
function wholeRow(text) {
  var row = document.createElement('tr');
  var cell = node('td', text);
  cell.colSpan = 3;
  row.appendChild(cell);
  return row;
}

export function loadUpdates(campaign) {
  var rows = $('update-rows');
  rows.textContent = '';
  show($('update-preview'), false);
  api('GET', updatesPath(campaign)).then(function (result) {
    if (!result.ok) {
      rows.appendChild(wholeRow(missing(result) ? 'Updates are not available yet.' : 'Could not load updates.'));
      return;
    }
    var items = Array.isArray(result.body) ? result.body : ((result.body && result.body.items) || []);
    if (!items.length) {
      // a table of headings over nothing reads as a broken table; say that there is nothing yet
      rows.appendChild(wholeRow('No updates yet: write the first one below.'));
    }
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
  var current = currentCampaign();
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
