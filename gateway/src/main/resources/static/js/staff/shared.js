/*
 * The staff console's shared part: DOM helpers, the message and problem-details area, the session
 * and the API call every screen makes, and the campaign on screen.
 *
 * The token from POST /api/auth/token is kept in sessionStorage (gone when the tab closes) and sent as
 * "Authorization: Bearer" on every staff call; a 401 sends the person back to sign in. Everything from
 * the server is written with textContent. An endpoint a service does not have yet (404/405/503) shows
 * "not available yet" in its section and leaves the rest working.
 */

var TOKEN_KEY = 'pledgeworks.staffToken';
var NAME_KEY = 'pledgeworks.staffName';
var ORGS_KEY = 'pledgeworks.staffOrganisations';
var EMAIL_KEY = 'pledgeworks.staffEmail';

var current = null; // the campaign on screen, as the server last returned it
var sessionEnded = function () {};

export function currentCampaign() {
  return current;
}

export function setCurrentCampaign(campaign) {
  current = campaign;
}

export function $(id) {
  return document.getElementById(id);
}

export function show(element, visible) {
  element.hidden = !visible;
}

export function node(tag, text, className) {
  var element = document.createElement(tag);
  if (text !== undefined && text !== null) {
    element.textContent = String(text);
  }
  if (className) {
    element.className = className;
  }
  return element;
}

export function button(label, onClick, secondary) {
  var b = node('button', label, secondary ? 'button button-secondary' : 'button');
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/* ---------------------------------------------------------------- messages */

export function clearMessages() {
  show($('console-problem'), false);
  show($('console-message'), false);
  $('console-problem-list').textContent = '';
}

export function problem(title, detail, errors) {
  $('console-problem-title').textContent = title || 'Something went wrong';
  $('console-problem-detail').textContent = detail || '';
  var list = $('console-problem-list');
  list.textContent = '';
  (errors || []).forEach(function (e) {
    list.appendChild(node('li', (e.field ? e.field + ': ' : '') + e.message));
  });
  show($('console-problem'), true);
  $('console-problem').focus();
}

export function message(text) {
  $('console-message').textContent = text;
  show($('console-message'), true);
}

/* ---------------------------------------------------------------- session and API */

export function token() {
  return window.sessionStorage.getItem(TOKEN_KEY);
}

export function staffName() {
  return window.sessionStorage.getItem(NAME_KEY) || '';
}

/** The organisations the person belongs to, {organisation: role}, as the token said at sign-in. */
export function organisations() {
  try {
    return JSON.parse(window.sessionStorage.getItem(ORGS_KEY) || '{}');
  } catch (ignored) {
    return {};
  }
}

/** The email the person signed in with (empty with a pasted token), for changing the password. */
export function staffEmail() {
  return window.sessionStorage.getItem(EMAIL_KEY) || '';
}

export function startSession(accessToken, name, orgs, email) {
  window.sessionStorage.setItem(TOKEN_KEY, accessToken);
  window.sessionStorage.setItem(EMAIL_KEY, email || '');
  window.sessionStorage.setItem(NAME_KEY, name);
  window.sessionStorage.setItem(ORGS_KEY, JSON.stringify(orgs));
}

export function endSession() {
  window.sessionStorage.removeItem(TOKEN_KEY);
  window.sessionStorage.removeItem(NAME_KEY);
  window.sessionStorage.removeItem(ORGS_KEY);
  window.sessionStorage.removeItem(EMAIL_KEY);
  current = null;
}

/** sign-in.js registers what a 401 leads to; a hook, so that this module imports no screen. */
export function onSessionEnded(handler) {
  sessionEnded = handler;
}

/** Resolves {ok, status, body} for any answer; rejects only when the network fails. */
export function api(method, path, body) {
  var headers = { Accept: 'application/json, application/problem+json' };
  if (token()) {
    headers.Authorization = 'Bearer ' + token();
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
    .then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch (ignored) {
          parsed = null;
        }
        if (response.status === 401 && path.indexOf('/api/auth/') !== 0) {
          sessionEnded('Your session has ended. Please sign in again.');
        }
        return { ok: response.ok, status: response.status, body: parsed };
      });
    });
}

export function missing(result) {
  return result.status === 404 || result.status === 405 || result.status === 501 || result.status === 503;
}

export function showFailure(result) {
  var body = result.body || {};
  problem(body.title || ('The request failed (' + result.status + ')'), body.detail,
    Array.isArray(body.errors) ? body.errors : []);
}

export function unavailable(container, what) {
  container.textContent = '';
  container.appendChild(node('p', what + ' is not available yet.', 'hint'));
}

export function table(headings, rows) {
  var t = node('table', null, 'data-table');
  var head = document.createElement('tr');
  headings.forEach(function (h) {
    var th = node('th', h);
    th.scope = 'col';
    head.appendChild(th);
  });
  var thead = document.createElement('thead');
  thead.appendChild(head);
  t.appendChild(thead);
  var tbody = document.createElement('tbody');
  rows.forEach(function (cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (cell) {
      if (cell instanceof Node) {
        var td = document.createElement('td');
        td.appendChild(cell);
        tr.appendChild(td);
      } else {
        tr.appendChild(node('td', cell));
      }
    });
    tbody.appendChild(tr);
  });
  t.appendChild(tbody);
  return t;
}

export function when(value) {
  if (!value) {
    return '';
  }
  var date = new Date(value);
  return isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}
