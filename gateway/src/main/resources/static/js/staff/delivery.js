/* Delivery statistics: what notification-service sent for the campaign, refreshed every 10 s. */
import { $, node, api, unavailable, table, when, currentCampaign } from './shared.js';

var DELIVERY_COUNTERS = ['queued', 'sent', 'deferred', 'failed', 'bounced', 'complained', 'unsubscribed'];
var DELIVERY_EVERY_MS = 10000;
var deliveryTimer = null;

export function stopDeliveryRefresh() {
  if (deliveryTimer) {
    window.clearInterval(deliveryTimer);
    deliveryTimer = null;
  }
}

export function startDeliveryRefresh(campaign) {
  stopDeliveryRefresh();
  loadDelivery(campaign);
  deliveryTimer = window.setInterval(function () {
    // a hidden tab asks nothing; the next tick after it is shown again catches up
    var current = currentCampaign();
    if (!document.hidden && current && current.campaignId === campaign.campaignId) {
      loadDelivery(campaign);
    }
  }, DELIVERY_EVERY_MS);
}

/** notification-service: [{messageId, kind, status, published, createdAt, counts: {queued, sent, ...}}] */
function loadDelivery(campaign) {
  var container = $('delivery');
  api('GET', '/api/staff/notifications/campaigns/' + encodeURIComponent(campaign.campaignId) + '/messages')
    .then(function (result) {
      var current = currentCampaign();
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
