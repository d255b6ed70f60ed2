/*
 * One campaign: the editor of its settings and texts (create, edit), publish and close, the export of
 * its signers, and opening it fills every section of the campaign screen.
 */
import { $, show, node, clearMessages, message, api, showFailure, token, organisations, currentCampaign,
  setCurrentCampaign } from './shared.js';
import { loadCounts } from './counts.js';
import { loadSources } from './sources.js';
import { loadEmbed } from './embed.js';
import { loadUpdates } from './updates.js';
import { loadCard } from './card.js';
import { loadQuarantine } from './quarantine.js';
import { startDeliveryRefresh, stopDeliveryRefresh } from './delivery.js';

var CAMPAIGN_FIELDS = ['title', 'slug', 'summary', 'pledgeText', 'goal', 'defaultLocale', 'ownerOrganisation'];

function fillOrganisations(selected) {
  var select = $('c-ownerOrganisation');
  select.textContent = '';
  var orgs = organisations();
  Object.keys(orgs).forEach(function (org) {
    var option = node('option', org + ' (' + orgs[org] + ')');
    option.value = org;
    select.appendChild(option);
  });
  if (selected) {
    select.value = selected;
  }
}

export function openCampaign(campaign) {
  clearMessages();
  setCurrentCampaign(campaign);
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
    $('view-public').href = '/campaigns/' + encodeURIComponent(campaign.slug);
    show($('publish-campaign'), campaign.status === 'draft');
    show($('close-campaign'), campaign.status === 'open');
    loadCounts(campaign);
    loadSources(campaign);
    loadEmbed(campaign);
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
  var current = currentCampaign();
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
  var current = currentCampaign();
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

/* ---------------------------------------------------------------- export */

$('export-csv').addEventListener('click', function () {
  var current = currentCampaign();
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
