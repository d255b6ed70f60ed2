/*
 * Choosing a password (POST /api/auth/password {email, password, newPassword}, which answers a fresh token):
 * at first sign-in, when the gateway says the given password must be replaced (403
 * password-change-required), and later from "Change password" in the console, with the current one.
 */
import { $, show, clearMessages, problem, message, api, showFailure, startSession, staffEmail }
  from './shared.js';
import { showCampaigns } from './campaign-list.js';

var given = null; // {email, password} while a first sign-in waits for a new password

/** The gateway asked for a new password: the one just typed was right, and is kept only until it is replaced. */
export function askForNewPassword(email, password) {
  given = { email: email, password: password };
  openForm(true);
  message('This password was given to you to sign in once. Choose a new password of your own.');
}

function openForm(firstSignIn) {
  show($('sign-in'), false);
  show($('campaigns'), false);
  show($('campaign'), false);
  show($('password'), true);
  $('password-heading').textContent = firstSignIn ? 'Choose a new password' : 'Change your password';
  show($('current-password-field'), !firstSignIn);
  show($('password-cancel'), !firstSignIn);
  $('password-button').textContent = firstSignIn ? 'Set password and sign in' : 'Change password';
  ['current-password', 'new-password', 'new-password-again'].forEach(function (id) {
    $(id).value = '';
  });
  $(firstSignIn ? 'new-password' : 'current-password').focus();
}

function closeForm() {
  given = null;
  show($('password'), false);
}

$('change-password').addEventListener('click', function () {
  clearMessages();
  openForm(false);
});

$('password-cancel').addEventListener('click', function () {
  clearMessages();
  closeForm();
  showCampaigns();
});

$('password-form').addEventListener('submit', function (event) {
  event.preventDefault();
  clearMessages();
  var email = given ? given.email : staffEmail();
  var current = given ? given.password : $('current-password').value;
  var chosen = $('new-password').value;
  if (!current) {
    problem('Current password needed', 'Enter the password you signed in with.',
      [{ field: 'Current password', message: 'Enter your current password.' }]);
    return;
  }
  if (chosen.length < 12) {
    problem('The password is too short', 'Use at least 12 characters.',
      [{ field: 'New password', message: 'Use at least 12 characters.' }]);
    return;
  }
  if (chosen !== $('new-password-again').value) {
    problem('The passwords differ', 'Type the same new password twice.',
      [{ field: 'New password again', message: 'Type the same new password as above.' }]);
    return;
  }
  $('password-button').disabled = true;
  api('POST', '/api/auth/password', { email: email, password: current, newPassword: chosen }).then(function (result) {
    if (!result.ok) {
      showFailure(result);
      return;
    }
    startSession(result.body.access_token, result.body.name || email, result.body.organisations || {}, email);
    closeForm();
    showCampaigns();
    message('Your new password is set.');
  }).catch(function () {
    problem('We could not reach Pledgeworks', 'Check your connection and try again.');
  }).then(function () {
    $('password-button').disabled = false;
  });
});
