/* Counts: confirmed signatures by country and by day, drawn with charts.js (window.PledgeworksCharts). */
import { $, node, api, unavailable, table } from './shared.js';

export function loadCounts(campaign) {
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
