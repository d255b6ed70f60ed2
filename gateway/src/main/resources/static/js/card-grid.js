/*
 * The progress card on the campaign page as a grid (issue 26): targets in rows, indicators grouped by theme
 * in columns, each cell's colour AND its words (a colour alone says nothing to someone who cannot tell the
 * colours apart, or hears the page), its evidence behind a <details> that the keyboard reaches, the theme
 * and overall scores, where each target's right of reply stands, a choice of assessment cycle, and one
 * target's history as a chart with labelled axes and the same numbers in a table.
 *
 * Calls (through the gateway), one per cycle shown; ordering and finding work on what it has:
 *   GET /api/campaigns/{slug}/card/grid[?cycle=]  -> {cycle, cycles, themes, targets, bands}  (404: no card)
 *
 * Everything from the server is written with textContent, never as HTML.
 *
 * One file of some 400 lines on purpose: the table, its ordering and finding, the cycle choice and the
 * history chart all draw from the one grid in `state`; apart, each script would need that state handed
 * round, and the page would load four scripts for one card.
 */
(function () {
  'use strict';

  var state = { slug: null, grid: null, historyTarget: null };
  var shownText = '';
  var dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium' });

  function $(id) {
    return document.getElementById(id);
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function hidden(text) {
    return make('span', 'visually-hidden', text);
  }

  function date(iso) {
    var d = iso ? new Date(iso) : null;
    return d && !isNaN(d.getTime()) ? dateFormat.format(d) : '';
  }

  /** Only links the browser would open as a page: a stored javascript: URL must never become one. */
  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }

  function bandClass(band) {
    return 'band band-' + (typeof band === 'string' && /^[a-z-]+$/.test(band) ? band : 'not-assessed');
  }

  /* ------------------------------------------------------------------ loading */

  function load(cycle) {
    var path = '/api/campaigns/' + encodeURIComponent(state.slug) + '/card/grid'
        + (cycle ? '?cycle=' + encodeURIComponent(cycle) : '');
    return fetch(path, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (grid) {
      if (!grid || !Array.isArray(grid.targets) || !grid.targets.length || !Array.isArray(grid.themes)) {
        return;
      }
      state.grid = grid;
      render();
      $('progress-card').hidden = false;
    }).catch(function () {
      // no card shown is better than a broken one
    });
  }

  /* ------------------------------------------------------------------ the grid */

  function render() {
    var grid = state.grid;
    fillCycles(grid);
    fillLegend(grid.bands || []);
    $('card-grid-caption').textContent = 'Progress card' + (grid.cycle ? ', assessment ' + grid.cycle : '')
        + ': targets in rows, indicators grouped by theme in columns';
    renderHead(grid.themes);
    renderBody();
    fillHistoryTargets(grid.targets);
  }

  function fillCycles(grid) {
    var select = $('card-cycle');
    select.textContent = '';
    (grid.cycles || []).slice().reverse().forEach(function (cycle) {
      var option = make('option', null, cycle);
      option.value = cycle;
      option.selected = cycle === grid.cycle;
      select.appendChild(option);
    });
    select.disabled = (grid.cycles || []).length < 2;
  }

  function fillLegend(bands) {
    var legend = $('card-legend');
    legend.textContent = '';
    bands.forEach(function (band) {
      var item = make('li');
      item.appendChild(make('span', 'swatch ' + bandClass(band.band)));
      item.appendChild(make('span', null, band.label + ': ' + band.scores));
      legend.appendChild(item);
    });
  }

  function renderHead(themes) {
    var table = $('card-grid');
    Array.prototype.slice.call(table.querySelectorAll('colgroup')).forEach(function (group) {
      table.removeChild(group);
    });
    var groups = [1].concat(themes.map(function (t) { return t.indicators.length + 1; }), [2]);
    groups.forEach(function (span) {
      var group = make('colgroup');
      group.span = span;
      table.insertBefore(group, table.tHead);
    });

    var head = table.tHead;
    head.textContent = '';
    var top = make('tr');
    var second = make('tr');
    var target = make('th', 'target-head', 'Target');
    target.scope = 'col';
    target.rowSpan = 2;
    top.appendChild(target);
    themes.forEach(function (theme) {
      var th = make('th', 'theme-head', theme.name);
      th.scope = 'colgroup';
      th.colSpan = theme.indicators.length + 1;
      top.appendChild(th);
      theme.indicators.forEach(function (indicator) {
        var col = make('th', 'indicator-head', indicator.name);
        col.scope = 'col';
        second.appendChild(col);
      });
      var score = make('th', 'indicator-head theme-score-head', 'Theme score');
      score.scope = 'col';
      second.appendChild(score);
    });
    ['Overall score', 'Right of reply'].forEach(function (name) {
      var th = make('th', 'summary-head', name);
      th.scope = 'col';
      th.rowSpan = 2;
      top.appendChild(th);
    });
    head.appendChild(top);
    head.appendChild(second);
  }

  function shownTargets() {
    var query = $('card-filter').value.trim().toLowerCase();
    var order = $('card-sort').value;
    var targets = state.grid.targets.filter(function (t) {
      return !query || [t.name, t.countryCode, t.kind].some(function (field) {
        return typeof field === 'string' && field.toLowerCase().indexOf(query) !== -1;
      });
    });
    function score(t) {
      return t.overall && typeof t.overall.score === 'number' ? t.overall.score : null;
    }
    return targets.sort(function (a, b) {
      if (order !== 'name') {
        var sa = score(a);
        var sb = score(b);
        if (sa !== sb) {
          // not assessed last, whichever way
          if (sa === null) {
            return 1;
          }
          if (sb === null) {
            return -1;
          }
          return order === 'score-high' ? sb - sa : sa - sb;
        }
      }
      return a.name.localeCompare(b.name);
    });
  }

  function renderBody() {
    var body = $('card-grid').tBodies[0];
    body.textContent = '';
    var targets = shownTargets();
    var columns = 3 + state.grid.themes.reduce(function (n, t) { return n + t.indicators.length + 1; }, 0);
    if (!targets.length) {
      var none = make('td', 'grid-empty', 'No target matches “' + $('card-filter').value.trim() + '”.');
      none.colSpan = columns;
      var row = make('tr');
      row.appendChild(none);
      body.appendChild(row);
    }
    targets.forEach(function (target) {
      body.appendChild(targetRow(target));
    });
    var text = 'Showing ' + targets.length + ' of ' + state.grid.targets.length + ' targets.';
    // the region is polite and live: say it only when it changed
    if (text !== shownText) {
      shownText = text;
      $('card-shown').textContent = text;
    }
  }

  function targetRow(target) {
    var row = make('tr');
    var name = make('th', 'target-name');
    name.scope = 'row';
    name.id = 'card-' + target.targetId;
    name.appendChild(make('span', 'target-title', target.name));
    var meta = [target.countryCode, target.kind].filter(Boolean).join(' · ');
    if (meta) {
      name.appendChild(make('span', 'target-meta', meta));
    }
    var history = make('button', 'link-button history-button', 'History');
    history.type = 'button';
    history.setAttribute('aria-controls', 'card-history');
    history.appendChild(hidden(' of ' + target.name));
    history.addEventListener('click', function () {
      $('card-history-target').value = target.targetId;
      drawHistory(target.targetId);
      $('card-history-target').focus();
    });
    name.appendChild(history);
    row.appendChild(name);

    var cells = {};
    (target.cells || []).forEach(function (cell) {
      cells[cell.indicatorId] = cell;
    });
    var themeScores = {};
    (target.themes || []).forEach(function (score) {
      themeScores[score.themeId] = score;
    });
    state.grid.themes.forEach(function (theme) {
      theme.indicators.forEach(function (indicator) {
        row.appendChild(indicatorCell(cells[indicator.indicatorId] || { label: 'Not assessed', band: 'not-assessed' }));
      });
      row.appendChild(scoreCell(themeScores[theme.themeId], 'theme-score'));
    });
    row.appendChild(scoreCell(target.overall, 'overall-score'));
    row.appendChild(replyCell(target.reply));
    return row;
  }

  function indicatorCell(cell) {
    var td = make('td', 'cell ' + bandClass(cell.band));
    var evidence = safeUrl(cell.evidenceLink);
    if (!evidence && !cell.evidenceNote) {
      td.appendChild(make('span', 'cell-label', cell.label));
      return td;
    }
    var details = make('details', 'cell-details');
    var summary = make('summary');
    summary.appendChild(make('span', 'cell-label', cell.label));
    summary.appendChild(hidden(', show the evidence'));
    details.appendChild(summary);
    var box = make('div', 'cell-evidence');
    if (cell.evidenceNote) {
      box.appendChild(make('p', null, cell.evidenceNote));
    }
    if (evidence) {
      var link = make('a', null, 'Evidence');
      link.href = evidence;
      link.rel = 'noopener noreferrer';
      box.appendChild(link);
    }
    details.appendChild(box);
    td.appendChild(details);
    return td;
  }

  /** A score as its number with "out of 100" for the ear, or its words when there is none. */
  function scoreCell(score, className) {
    var s = score || { label: 'Not assessed', band: 'not-assessed' };
    var td = make('td', 'cell ' + className + ' ' + bandClass(s.band));
    if (typeof s.score === 'number') {
      td.appendChild(make('span', 'cell-label', String(s.score)));
      td.appendChild(make('span', 'out-of', ' /100'));
      td.lastChild.setAttribute('aria-hidden', 'true');
      td.appendChild(hidden(' out of 100'));
    } else {
      td.appendChild(make('span', 'cell-label', s.label));
    }
    return td;
  }

  function replyCell(reply) {
    var td = make('td', 'cell reply');
    if (!reply) {
      td.appendChild(make('span', 'reply-status', 'Not asked'));
      return td;
    }
    if (reply.status === 'pending') {
      td.appendChild(make('span', 'reply-status reply-pending', 'Awaiting reply, due ' + date(reply.deadline)));
      return td;
    }
    if (reply.status === 'overdue') {
      td.appendChild(make('span', 'reply-status reply-overdue', 'No reply, was due ' + date(reply.deadline)));
      return td;
    }
    var details = make('details', 'cell-details');
    var summary = make('summary');
    summary.appendChild(make('span', 'reply-status reply-responded', 'Replied ' + date(reply.respondedAt)));
    summary.appendChild(hidden(', read the reply'));
    details.appendChild(summary);
    var box = make('div', 'cell-evidence');
    if (reply.response) {
      box.appendChild(make('p', null, reply.response));
    }
    var link = safeUrl(reply.link);
    if (link) {
      var a = make('a', null, 'The reply in full');
      a.href = link;
      a.rel = 'noopener noreferrer';
      box.appendChild(a);
    }
    details.appendChild(box);
    td.appendChild(details);
    return td;
  }

  /* ------------------------------------------------------------------ history */

  function fillHistoryTargets(targets) {
    var select = $('card-history-target');
    select.textContent = '';
    targets.slice().sort(function (a, b) { return a.name.localeCompare(b.name); }).forEach(function (target) {
      var option = make('option', null, target.name);
      option.value = target.targetId;
      select.appendChild(option);
    });
    var keep = targets.some(function (t) { return t.targetId === state.historyTarget; });
    select.value = keep ? state.historyTarget : select.options[0].value;
    drawHistory(select.value);
    $('card-history').hidden = false;
  }

  function drawHistory(targetId) {
    var target = state.grid.targets.filter(function (t) { return t.targetId === targetId; })[0];
    if (!target) {
      return;
    }
    state.historyTarget = targetId;
    var points = (target.history || []).map(function (h) {
      return { label: h.cycle, value: typeof h.overallScore === 'number' ? h.overallScore : null };
    });
    $('card-history-heading').textContent = target.name + ' over time';
    $('card-history-caption').textContent = target.name + ': overall score by assessment';
    var chart = $('card-history-chart');
    chart.textContent = '';
    if (window.PledgeworksCharts && points.length) {
      var summary = target.name + ', overall score (0 to 100) by assessment: ' + points.map(function (p) {
        return p.label + ' ' + (p.value === null ? 'no data' : p.value);
      }).join(', ');
      chart.appendChild(window.PledgeworksCharts.lineWithAxes(points, {
        label: summary, xTitle: 'Assessment', yTitle: 'Overall score (0 to 100)', max: 100
      }));
    }
    var body = $('card-history-table').tBodies[0];
    body.textContent = '';
    points.forEach(function (p) {
      var row = make('tr');
      var cycle = make('th', null, p.label);
      cycle.scope = 'row';
      row.appendChild(cycle);
      row.appendChild(make('td', null, p.value === null ? 'No data' : String(p.value)));
      body.appendChild(row);
    });
    if (!points.length) {
      var none = make('td', null, 'Not assessed yet.');
      none.colSpan = 2;
      var empty = make('tr');
      empty.appendChild(none);
      body.appendChild(empty);
    }
  }

  /* ------------------------------------------------------------------ start */

  function start(slug) {
    if (!$('progress-card') || !$('card-grid')) {
      return;
    }
    state.slug = slug;
    $('card-cycle').addEventListener('change', function () {
      load($('card-cycle').value);
    });
    $('card-sort').addEventListener('change', function () {
      if (state.grid) {
        renderBody();
      }
    });
    $('card-filter').addEventListener('input', function () {
      if (state.grid) {
        renderBody();
      }
    });
    $('card-history-target').addEventListener('change', function () {
      drawHistory($('card-history-target').value);
    });
    load(null);
  }

  window.PledgeworksCardGrid = { start: start };
}());
