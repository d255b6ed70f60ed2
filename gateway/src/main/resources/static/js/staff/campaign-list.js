/* The campaign list: the signed-in person's campaigns, a way to start a new one, and back to it. */
import { $, show, node, clearMessages, api, staffName, staffEmail, organisations } from './shared.js';
import { openCampaign } from './campaign-editor.js';
import { stopDeliveryRefresh } from './delivery.js';

export function showCampaigns() {
  stopDeliveryRefresh();
  show($('sign-in'), false);
  show($('campaign'), false);
  show($('members'), false);
  show($('campaigns'), true);
  // the Members screen is for the organisations one administers (the gateway checks it again)
  var orgs = organisations();
  show($('show-members'), Object.keys(orgs).some(function (id) {
    return orgs[id] === 'admin';
  }));
  $('staff-name').textContent = staffName();
  // a pasted token (an outside identity provider) has no password here to change
  show($('change-password'), staffEmail() !== '');
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
