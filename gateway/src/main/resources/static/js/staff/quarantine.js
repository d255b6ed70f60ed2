/* Moderation: signatures pledge-service holds in quarantine, released or invalidated per mail domain. */
import { node, button, message, api, showFailure, unavailable, table, $ } from './shared.js';

export function loadQuarantine(campaign) {
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
