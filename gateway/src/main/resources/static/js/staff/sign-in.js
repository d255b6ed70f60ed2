/*
 * Sign-in screen: email and password (POST /api/auth/token), or a pasted token when the gateway trusts
 * an outside identity provider; and signing out, also when a call answers 401. A given password that must
 * be replaced first (403, passwordChangeRequired) leads to password.js.
 */
import { $, show, clearMessages, problem, message, api, showFailure, startSession, endSession, onSessionEnded }
  from './shared.js';
import { showCampaigns } from './campaign-list.js';
import { askForNewPassword } from './password.js';
import { stopDeliveryRefresh } from './delivery.js';

export function signOut(reason) {
  endSession();
  stopDeliveryRefresh();
  show($('campaigns'), false);
  show($('campaign'), false);
  show($('members'), false);
  show($('password'), false);
  show($('sign-in'), true);
  if (reason) {
    message(reason);
  }
}

$('sign-in-form').addEventListener('submit', function (event) {
  event.preventDefault();
  clearMessages();
  var email = $('staff-email').value.trim();
  var password = $('staff-password').value;
  if (!email || !password) {
    problem('Email and password needed', 'Enter your email address and password.');
    return;
  }
  $('sign-in-button').disabled = true;
  api('POST', '/api/auth/token', { email: email, password: password }).then(function (result) {
    if (result.status === 404 || result.status === 405) {
      // the gateway trusts an outside identity provider (OIDC) and has no password sign-in
      show($('sign-in-form'), false);
      show($('oidc-sign-in'), true);
      $('staff-token').focus();
      return;
    }
    if (result.status === 403 && result.body && result.body.passwordChangeRequired) {
      $('staff-password').value = '';
      askForNewPassword(email, password);
      return;
    }
    if (!result.ok) {
      showFailure(result);
      return;
    }
    startSession(result.body.access_token, result.body.name || email, result.body.organisations || {}, email);
    $('staff-password').value = '';
    showCampaigns();
  }).catch(function () {
    problem('We could not reach Pledgeworks', 'Check your connection and try again.');
  }).then(function () {
    $('sign-in-button').disabled = false;
  });
});

/** The claims of a JWT, read only to greet the person and list their organisations (the server checks it). */
function claimsOf(jwt) {
  try {
    var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(Array.prototype.map.call(window.atob(part), function (c) {
      return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
    }).join('')));
  } catch (ignored) {
    return null;
  }
}

$('token-form').addEventListener('submit', function (event) {
  event.preventDefault();
  clearMessages();
  var pasted = $('staff-token').value.trim().replace(/^Bearer\s+/i, '');
  var claims = claimsOf(pasted);
  if (!claims) {
    problem('That is not an access token', 'Paste the whole token your identity provider gave you.');
    return;
  }
  startSession(pasted, claims.name || claims.email || claims.sub || '',
    claims.organisations && typeof claims.organisations === 'object' ? claims.organisations : {});
  $('staff-token').value = '';
  showCampaigns();
});

$('sign-out').addEventListener('click', function () {
  signOut('You are signed out.');
});

onSessionEnded(signOut);
