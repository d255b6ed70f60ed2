/*
 * "Forgot your password?" (/staff/password-reset): without a link, asks for one by mail (the answer is the
 * same whether or not the address has an account); with the mailed link (#<token>), sets the new password
 * and opens the console signed in. A used or expired link is the gateway's problem, shown as it words it.
 */
import { $, linkToken, call, showProblem, placeErrors, clearErrors, openConsole } from './link-pages.js';

var token = linkToken();
var email = '';

function url() {
  return '/api/auth/password-reset/' + encodeURIComponent(token);
}

if (!token) {
  $('request-form').hidden = false;
} else {
  $('heading').textContent = 'Choose a new password';
  call('GET', url()).then(function (result) {
    if (!result.ok) {
      showProblem(result.body);
      $('request-form').hidden = false;
      return;
    }
    email = result.body.email;
    $('reset-summary').textContent = 'For the account ' + email + '.';
    $('reset-form').hidden = false;
  });
}

$('request-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var fields = { email: 'email' };
  clearErrors(fields);
  $('request-button').disabled = true;
  call('POST', '/api/auth/password-reset', { email: $('email').value }).then(function (result) {
    $('request-button').disabled = false;
    if (result.ok) {
      $('request-form').hidden = true;
      $('done-detail').textContent = result.body.detail;
      $('done').hidden = false;
      $('done').focus();
      return;
    }
    if (!placeErrors(result.body.errors, fields) || !result.body.errors) {
      showProblem(result.body);
    }
  });
});

$('reset-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var fields = { newPassword: 'new-password' };
  clearErrors(fields);
  $('reset-button').disabled = true;
  call('POST', url(), { newPassword: $('new-password').value }).then(function (result) {
    $('reset-button').disabled = false;
    if (result.ok) {
      openConsole(result.body, email);
      return;
    }
    if (result.status === 410 || result.status === 404) {
      $('reset-form').hidden = true;
      $('request-form').hidden = false;
    }
    if (!placeErrors(result.body.errors, fields) || !result.body.errors) {
      showProblem(result.body);
    }
  });
});
