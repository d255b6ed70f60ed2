/*
 * What the two pages a mailed staff link opens (invitation.js, password-reset.js) share: the token from the
 * address's fragment (never sent in a request, so never in a log or a referrer), calls to the gateway's
 * /api/auth endpoints, a dead link's problem shown as the gateway words it, field errors under their fields,
 * and the session the console then opens with.
 */
import { startSession } from './shared.js';

export function $(id) {
  return document.getElementById(id);
}

/** The token after '#', or '' when the page was opened without one. */
export function linkToken() {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

/**
 * {ok, status, body}; a network failure is a status 0 with a problem of its own. Not shared.js's api(): that
 * sends the console's bearer token, and a revoked one left in the tab would get the link refused (401).
 */
export function call(method, url, body) {
  var init = { method: method, headers: { Accept: 'application/json' }, credentials: 'omit' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(url, init).then(function (response) {
    return response.text().then(function (text) {
      var parsed = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch (e) {
        parsed = null;
      }
      return { ok: response.ok, status: response.status, body: parsed || {} };
    });
  }, function () {
    return { ok: false, status: 0, body: { title: 'No connection', detail: 'Check your connection and try again.' } };
  });
}

export function showProblem(body) {
  $('link-problem-title').textContent = body.title || 'Something went wrong';
  $('link-problem-detail').textContent = body.detail || 'Please try again.';
  $('link-problem').hidden = false;
  $('link-problem').focus();
}

/** Each error under its field (fields: the problem's field names to input ids); true when all were placed. */
export function placeErrors(errors, fields) {
  clearErrors(fields);
  var unplaced = [];
  (errors || []).forEach(function (error) {
    var id = fields[error.field];
    if (!id) {
      unplaced.push(error.message);
      return;
    }
    $(id + '-error').textContent = error.message;
    $(id + '-error').hidden = false;
    $(id).setAttribute('aria-invalid', 'true');
  });
  return unplaced.length === 0;
}

export function clearErrors(fields) {
  $('link-problem').hidden = true;
  Object.keys(fields).forEach(function (field) {
    $(fields[field] + '-error').hidden = true;
    $(fields[field]).removeAttribute('aria-invalid');
  });
}

/** The answer is a token, as sign-in's: the console opens signed in. */
export function openConsole(answer, email) {
  startSession(answer.access_token, answer.name || email, answer.organisations || {}, email);
  window.location.assign('/staff/');
}
