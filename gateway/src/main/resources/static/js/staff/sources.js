/*
 * Where signatures come from: by the channel of the link followed (the share links tag theirs) and by
 * referral (the signers whose own links brought others). Figures only; pledge-service counts them.
 */
import { $, node, api, unavailable, table } from './shared.js';

var CHANNELS = { email: 'Email', whatsapp: 'WhatsApp', telegram: 'Telegram', x: 'X', facebook: 'Facebook',
  linkedin: 'LinkedIn' };

function sourceLabel(row) {
  if (!row.source) {
    return 'No tags (typed address, bookmark, untagged link)';
  }
  var name = row.medium === 'share' && CHANNELS[row.source] ? CHANNELS[row.source] + ' (share button)' : row.source;
  return row.medium && row.medium !== 'share' ? name + ' / ' + row.medium : name;
}

export function loadSources(campaign) {
  var container = $('by-source');
  api('GET', '/api/staff/pledges/campaigns/' + encodeURIComponent(campaign.slug) + '/sources').then(function (result) {
    container.textContent = '';
    if (!result.ok || !result.body || !Array.isArray(result.body.bySource)) {
      unavailable(container, 'Where signatures come from');
      return;
    }
    var report = result.body;
    if (!report.signatures) {
      container.appendChild(node('p', 'No signatures yet.', 'hint'));
      return;
    }
    container.appendChild(table(['Source', 'Signatures', 'Confirmed'], report.bySource.map(function (row) {
      return [sourceLabel(row), String(row.signatures), String(row.confirmed)];
    })));
    var referrals = report.referrals || { signatures: 0, confirmed: 0, referrers: 0, top: [] };
    container.appendChild(node('p', referrals.signatures + ' signature' + (referrals.signatures === 1 ? '' : 's')
      + ' (' + referrals.confirmed + ' confirmed) came through ' + referrals.referrers + ' signer'
      + (referrals.referrers === 1 ? '\u2019s' : 's\u2019') + ' own links.'));
    if (referrals.top && referrals.top.length) {
      container.appendChild(table(['Referral code', 'Signatures', 'Confirmed'], referrals.top.map(function (r) {
        return [r.code, String(r.signatures), String(r.confirmed)];
      })));
    }
  });
}
