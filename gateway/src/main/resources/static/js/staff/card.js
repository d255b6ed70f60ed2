/*
 * The progress card: its framework (themes and indicators), each target's scores, a target's history,
 * and the choices of the assessment form. card-forms.js holds the forms that change it.
 */
import { $, show, node, button, problem, message, api, missing, showFailure, table, when, currentCampaign }
  from './shared.js';

var card = null; // the card on screen: {framework: {themes}, targets}

export function shownCard() {
  return card;
}

export function cardPath(campaign, rest) {
  return '/api/staff/campaigns/' + encodeURIComponent(campaign.campaignId) + '/card' + (rest || '');
}

export function score(value) {
  return value === null || value === undefined ? 'no data' : String(Math.round(Number(value)));
}

export function themesOf(c) {
  return (c && c.framework && Array.isArray(c.framework.themes)) ? c.framework.themes : [];
}

function indicatorsOf(c) {
  var list = [];
  themesOf(c).forEach(function (theme) {
    (theme.indicators || []).forEach(function (indicator) {
      list.push({ theme: theme, indicator: indicator });
    });
  });
  return list;
}

export function loadCard(campaign) {
  var status = $('card-status');
  show($('card-history'), false);
  api('GET', cardPath(campaign)).then(function (result) {
    var current = currentCampaign();
    if (!current || current.campaignId !== campaign.campaignId) {
      return;
    }
    if (!result.ok) {
      card = null;
      $('card-scores').textContent = '';
      $('card-framework').textContent = '';
      status.textContent = missing(result) ? 'The progress card is not available yet.'
        : 'We could not load the progress card (' + result.status + ').';
      return;
    }
    card = result.body || {};
    status.textContent = '';
    renderFramework(campaign);
    renderScores(campaign);
    fillAssessmentChoices();
  });
}

function renderFramework(campaign) {
  var container = $('card-framework');
  container.textContent = '';
  var rows = indicatorsOf(card);
  if (!rows.length) {
    container.appendChild(node('p', 'No themes yet: add an indicator below to start the card.', 'hint'));
    return;
  }
  container.appendChild(table(['Theme', 'Indicator', 'Scale', 'Actions'], rows.map(function (row) {
    var remove = button('Remove', function () {
      var themes = themesOf(card).map(function (theme) {
        return {
          themeId: theme.themeId, name: theme.name, indicators: (theme.indicators || []).filter(function (i) {
            return !(theme.themeId === row.theme.themeId && i.indicatorId === row.indicator.indicatorId);
          })
        };
      }).filter(function (theme) {
        return theme.indicators.length > 0;
      });
      if (!themes.length) {
        problem('A card needs one indicator', 'Add another indicator before removing the last one.');
        return;
      }
      saveFramework(campaign, themes, 'Indicator removed.');
    }, true);
    remove.setAttribute('aria-label', 'Remove indicator ' + row.indicator.name);
    return [row.theme.name + ' (' + row.theme.themeId + ')', row.indicator.name + ' (' + row.indicator.indicatorId + ')',
      row.indicator.scale, remove];
  })));
}

function renderScores(campaign) {
  var container = $('card-scores');
  container.textContent = '';
  var targets = Array.isArray(card.targets) ? card.targets : [];
  if (!targets.length) {
    container.appendChild(node('p', 'No targets yet.', 'hint'));
    return;
  }
  var themes = themesOf(card);
  var wrap = node('div', null, 'table-scroll');
  var t = table(['Target', 'Cycle', 'Overall'].concat(themes.map(function (theme) {
    return theme.name;
  })).concat(['Right of reply', 'Actions']), targets.map(function (target) {
    var history = button('History', function () {
      showTargetHistory(campaign, target);
    }, true);
    history.setAttribute('aria-label', 'History of ' + target.name);
    var replies = (target.replies || []).map(function (r) {
      return r.status;
    }).join(', ');
    return [target.name + (target.kind ? ' (' + target.kind + ')' : ''), target.cycle || '—',
      target.cycle ? score(target.overallScore) : '—']
      .concat(themes.map(function (theme) {
        var themeScores = target.themeScores || {};
        return Object.prototype.hasOwnProperty.call(themeScores, theme.themeId) ? score(themeScores[theme.themeId]) : '—';
      }))
      .concat([replies || 'none', history]);
  }));
  t.id = 'card-score-table';
  wrap.appendChild(t);
  container.appendChild(wrap);
}

function showTargetHistory(campaign, target) {
  var panel = $('card-history');
  api('GET', cardPath(campaign, '/targets/' + encodeURIComponent(target.targetId) + '/history')).then(function (result) {
    if (!result.ok) {
      showFailure(result);
      return;
    }
    var history = result.body || {};
    panel.textContent = '';
    var heading = node('h4', 'History of ' + (history.name || target.name));
    heading.tabIndex = -1;
    panel.appendChild(heading);
    var cycles = Array.isArray(history.cycles) ? history.cycles : [];
    if (cycles.length) {
      var points = cycles.map(function (c) {
        return { label: c.cycle, value: c.overallScore === null || c.overallScore === undefined ? null : Number(c.overallScore) };
      });
      panel.appendChild(window.PledgeworksCharts.line(points, 'Overall score per cycle: ' + points.map(function (p) {
        return p.label + ' ' + (p.value === null ? 'no data' : Math.round(p.value));
      }).join(', '), 100));
      panel.appendChild(table(['Cycle', 'Overall'], cycles.map(function (c) {
        return [c.cycle, score(c.overallScore)];
      })));
    } else {
      panel.appendChild(node('p', 'Not assessed yet.', 'hint'));
    }
    var names = {};
    indicatorsOf(card).forEach(function (row) {
      names[row.indicator.indicatorId] = row.indicator.name;
    });
    var rows = [];
    (history.indicators || []).forEach(function (ih) {
      (ih.assessments || []).forEach(function (a) {
        rows.push([names[ih.indicatorId] || ih.indicatorId, a.cycle, a.value, score(a.score),
          a.evidenceLink || a.evidenceNote || '', (a.reviewedBy || '') + (a.reviewedAt ? ', ' + when(a.reviewedAt) : '')]);
      });
    });
    if (rows.length) {
      var wrap = node('div', null, 'table-scroll');
      wrap.appendChild(table(['Indicator', 'Cycle', 'Value', 'Score', 'Evidence', 'Reviewed by'], rows));
      panel.appendChild(wrap);
    }
    show(panel, true);
    heading.focus();
  });
}

function fillAssessmentChoices() {
  var targetSelect = $('a-target');
  var indicatorSelect = $('a-indicator');
  var keepTarget = targetSelect.value;
  var keepIndicator = indicatorSelect.value;
  targetSelect.textContent = '';
  (card.targets || []).forEach(function (target) {
    var option = node('option', target.name);
    option.value = target.targetId;
    targetSelect.appendChild(option);
  });
  indicatorSelect.textContent = '';
  indicatorsOf(card).forEach(function (row) {
    var option = node('option', row.theme.name + ': ' + row.indicator.name);
    option.value = row.indicator.indicatorId;
    option.setAttribute('data-scale', row.indicator.scale);
    indicatorSelect.appendChild(option);
  });
  if (keepTarget) {
    targetSelect.value = keepTarget;
  }
  if (keepIndicator) {
    indicatorSelect.value = keepIndicator;
  }
  valueHint();
}

function valueHint() {
  var option = $('a-indicator').selectedOptions && $('a-indicator').selectedOptions[0];
  var scale = option ? option.getAttribute('data-scale') : null;
  $('a-value-hint').textContent = scale === 'percent' ? 'A number from 0 to 100, or no-data.'
    : 'yes, partial, no or no-data.';
}

$('a-indicator').addEventListener('change', valueHint);

export function saveFramework(campaign, themes, done) {
  api('PUT', cardPath(campaign, '/framework'), { themes: themes }).then(function (result) {
    if (!result.ok) {
      showFailure(result);
      return;
    }
    message(done);
    loadCard(campaign);
  });
}
