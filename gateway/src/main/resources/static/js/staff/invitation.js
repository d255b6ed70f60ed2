/*
 * The page an invitation's mailed link opens (/staff/invitation#<token>): says which organisation and role,
 * then joins: someone new chooses a name and a password; someone with an account gives its password.
 * An expired, used, withdrawn or replaced link is the gateway's problem, shown as it words it.
 */
import { $, linkToken, call, showProblem, placeErrors, clearErrors, openConsole } from './link-pages.js';

var FIELDS = { name: 'name', password: 'password' };
var token = linkToken();
var invitation = null;

function url() {
  return '/api/auth/invitations/' + encodeURIComponent(token);
}

function shown(state) {
  invitation = state;
  $('loading').hidden = true;
  $('heading').textContent = 'Join ' + state.organisationId;
  $('invitation-summary').textContent = 'You are invited to join ' + state.organisationId + ' as ' + state.role
    + ', with the address ' + state.email + '.';
  $('existing-hint').hidden = !state.accountExists;
  $('name-field').hidden = state.accountExists;
  $('name').value = state.name || '';
  $('password-label').textContent = state.accountExists ? 'Your password' : 'Choose a password';
  $('password-hint').hidden = state.accountExists;
  $('password').setAttribute('autocomplete', state.accountExists ? 'current-password' : 'new-password');
  $('invitation').hidden = false;
}

if (!token) {
  $('loading').hidden = true;
  showProblem({ title: 'No invitation in this address', detail: 'Open the link from your invitation mail, whole.' });
} else {
  call('GET', url()).then(function (result) {
    if (!result.ok) {
      $('loading').hidden = true;
      showProblem(result.body);
      return;
    }
    shown(result.body);
  });
}

$('accept-form').addEventListener('submit', function (event) {
  event.preventDefault();
  clearErrors(FIELDS);
  var body = { password: $('password').value };
  if (!invitation.accountExists) {
    body.name = $('name').value;
  }
  $('accept-button').disabled = true;
  call('POST', url(), body).then(function (result) {
    $('accept-button').disabled = false;
    if (result.ok) {
      openConsole(result.body, invitation.email);
      return;
    }
    if (result.status === 410) {
      $('invitation').hidden = true;
    }
    if (!placeErrors(result.body.errors, FIELDS) || !result.body.errors) {
      showProblem(result.body);
    }
  });
});
