/*
 * Embed: the sites allowed to frame the campaign's counter and sign form (/embed/{slug}), and the snippet a
 * partner pastes into its page. The browser refuses the frame on any site not listed here.
 */
import { $, message, api, showFailure } from './shared.js';

var current = null;

function snippet(campaign) {
  var src = window.location.origin + '/embed/' + encodeURIComponent(campaign.slug);
  return '<iframe src="' + src + '" title="' + String(campaign.title || 'Sign the pledge').replace(/[&"<>]/g, function (c) {
    return { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' }[c];
  }) + '" width="100%" height="720" style="border:0;max-width:40rem" loading="lazy"></iframe>';
}

function shown(origins) {
  $('embed-origins').value = (origins || []).join('\n');
}

export function loadEmbed(campaign) {
  current = campaign;
  $('embed-snippet').value = snippet(campaign);
  $('embed-origins').value = '';
  api('GET', '/api/staff/campaigns/' + encodeURIComponent(campaign.campaignId) + '/embed').then(function (result) {
    if (result.ok && result.body) {
      shown(result.body.origins);
    }
  });
}

$('embed-form').addEventListener('submit', function (event) {
  event.preventDefault();
  if (!current) {
    return;
  }
  var origins = $('embed-origins').value.split('\n').map(function (line) {
    return line.trim();
  }).filter(function (line) {
    return line.length > 0;
  });
  api('PUT', '/api/staff/campaigns/' + encodeURIComponent(current.campaignId) + '/embed', { origins: origins })
    .then(function (result) {
      if (!result.ok) {
        showFailure(result);
        return;
      }
      shown(result.body.origins);
      message(result.body.origins.length ? 'Sites saved: ' + result.body.origins.join(', ') + '.'
        : 'No site may embed this campaign now.');
    });
});
