/*
 * Small SVG charts, built with DOM calls (no markup strings), shared by the public and staff pages.
 * Each chart carries a <title> and aria-label summary, and the pages show the same numbers as text, so
 * nothing is only in the picture.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';

  function el(name, attributes) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    return node;
  }

  function svg(label, width, height) {
    var root = el('svg', {
      viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': label, 'class': 'chart'
    });
    var title = el('title');
    title.textContent = label;
    root.appendChild(title);
    return root;
  }

  /** Bars for [{label, value}], scaled to the largest value (or to max when given). */
  function bars(points, label, max) {
    var width = 320;
    var height = 140;
    var top = max || points.reduce(function (m, p) { return Math.max(m, p.value || 0); }, 0) || 1;
    var root = svg(label, width, height);
    var slot = width / Math.max(points.length, 1);
    points.forEach(function (point, i) {
      var h = Math.round(((point.value || 0) / top) * (height - 24));
      var bar = el('rect', {
        x: (i * slot + slot * 0.15).toFixed(1), y: height - 18 - h, width: (slot * 0.7).toFixed(1),
        height: Math.max(h, 1), 'class': 'chart-bar'
      });
      var tip = el('title');
      tip.textContent = point.label + ': ' + point.value;
      bar.appendChild(tip);
      root.appendChild(bar);
      if (points.length <= 12) {
        var text = el('text', { x: (i * slot + slot / 2).toFixed(1), y: height - 4, 'class': 'chart-label' });
        text.textContent = point.label;
        root.appendChild(text);
      }
    });
    return root;
  }

  /** A line through [{label, value}] (value may be null: a gap), from 0 to max. */
  function line(points, label, max) {
    var width = 320;
    var height = 120;
    var top = max || points.reduce(function (m, p) { return Math.max(m, p.value || 0); }, 0) || 1;
    var root = svg(label, width, height);
    var step = points.length > 1 ? (width - 20) / (points.length - 1) : 0;
    var path = '';
    points.forEach(function (point, i) {
      if (point.value === null || point.value === undefined) {
        return;
      }
      var x = 10 + i * step;
      var y = height - 10 - (point.value / top) * (height - 20);
      path += (path ? ' L ' : 'M ') + x.toFixed(1) + ' ' + y.toFixed(1);
      var dot = el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5, 'class': 'chart-dot' });
      var tip = el('title');
      tip.textContent = point.label + ': ' + point.value;
      dot.appendChild(tip);
      root.appendChild(dot);
    });
    if (path) {
      root.insertBefore(el('path', { d: path, 'class': 'chart-line' }), root.childNodes[1] || null);
    }
    return root;
  }

  function text(content, attributes) {
    var node = el('text', attributes);
    node.textContent = content;
    return node;
  }

  /**
   * A line through [{label, value}] on labelled axes: the labels along the bottom under their title, a
   * 0-to-max scale with gridlines up the side under its own, and each point's value written beside it,
   * so the numbers are read, not guessed from the height. (The page also gives them as a table.)
   *
   * @param options {label, xTitle, yTitle, max}
   */
  function lineWithAxes(points, options) {
    // narrow on purpose: scaled down to a phone's width, a wider picture's labels would be too small to read
    var width = 360;
    var height = 240;
    var left = 52;
    var right = 18;
    var top = 16;
    var bottom = 52;
    var max = options.max || 100;
    var plotW = width - left - right;
    var plotH = height - top - bottom;
    var root = svg(options.label, width, height);
    root.setAttribute('class', 'chart chart-axes');
    function y(value) {
      return top + plotH - (value / max) * plotH;
    }
    function x(i) {
      return points.length > 1 ? left + (i * plotW) / (points.length - 1) : left + plotW / 2;
    }
    for (var tick = 0; tick <= max; tick += max / 4) {
      root.appendChild(el('line', {
        x1: left, x2: left + plotW, y1: y(tick).toFixed(1), y2: y(tick).toFixed(1), 'class': 'chart-grid'
      }));
      root.appendChild(text(String(Math.round(tick)), {
        x: left - 8, y: (y(tick) + 4).toFixed(1), 'class': 'chart-tick chart-tick-y'
      }));
    }
    root.appendChild(el('line', { x1: left, x2: left, y1: top, y2: top + plotH, 'class': 'chart-axis' }));
    root.appendChild(el('line', { x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH, 'class': 'chart-axis' }));
    var path = '';
    points.forEach(function (point, i) {
      root.appendChild(text(point.label, { x: x(i).toFixed(1), y: top + plotH + 18, 'class': 'chart-tick' }));
      if (point.value === null || point.value === undefined) {
        return;
      }
      path += (path ? ' L ' : 'M ') + x(i).toFixed(1) + ' ' + y(point.value).toFixed(1);
      var dot = el('circle', { cx: x(i).toFixed(1), cy: y(point.value).toFixed(1), r: 4, 'class': 'chart-dot' });
      var tip = el('title');
      tip.textContent = point.label + ': ' + point.value;
      dot.appendChild(tip);
      root.appendChild(dot);
      root.appendChild(text(String(point.value), {
        x: x(i).toFixed(1), y: (y(point.value) - 9).toFixed(1), 'class': 'chart-value'
      }));
    });
    if (path) {
      root.insertBefore(el('path', { d: path, 'class': 'chart-line' }), root.childNodes[1] || null);
    }
    root.appendChild(text(options.xTitle, { x: left + plotW / 2, y: height - 8, 'class': 'chart-axis-title' }));
    root.appendChild(text(options.yTitle, {
      x: 0, y: 0, transform: 'translate(14 ' + (top + plotH / 2) + ') rotate(-90)', 'class': 'chart-axis-title'
    }));
    return root;
  }

  window.PledgeworksCharts = { bars: bars, line: line, lineWithAxes: lineWithAxes };
}());
