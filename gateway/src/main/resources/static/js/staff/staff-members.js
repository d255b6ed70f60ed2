/*
 * Members screen: an organisation's staff, for its admins (the gateway also lets platform operators in):
 * members with their roles (change, remove), pending invitations (resend, revoke) and the invite form.
 * The gateway refuses the last admin's removal or demotion (409) and says so; a change to someone's role
 * signs them out at once, so they sign in again with the new one.
 */
import { $, show, node, button, clearMessages, message, api, showFailure, organisations, table, when }
  from './shared.js';
import { showCampaigns } from './campaign-list.js';
import { stopDeliveryRefresh } from './delivery.js';

var ROLES = ['admin', 'editor', 'viewer'];

/** The organisations the signed-in person administers: the ones whose members they may manage. */
export function administered() {
  var orgs = organisations();
  return Object.keys(orgs).filter(function (id) {
    return orgs[id] === 'admin';
  }).sort();
}

function base() {
  return '/api/auth/organisations/' + encodeURIComponent($('members-organisation').value);
}

export function showMembers() {
  stopDeliveryRefresh();
  clearMessages();
  show($('campaigns'), false);
  show($('campaign'), false);
  show($('members'), true);
  var select = $('members-organisation');
  if (!select.options.length) {
    administered().forEach(function (id) {
      var option = node('option', id);
      option.value = id;
      select.appendChild(option);
    });
  }
  load();
}

function load() {
  $('members-status').textContent = 'Loading…';
  api('GET', base() + '/members').then(function (result) {
    if (!result.ok) {
      $('members-status').textContent = '';
      if (result.status !== 401) {
        showFailure(result);
      }
      return;
    }
    $('members-status').textContent = '';
    render(result.body);
  }).catch(function () {
    $('members-status').textContent = 'We could not reach Pledgeworks.';
  });
}

function render(roster) {
  var members = $('member-list');
  members.textContent = '';
  members.appendChild(table(['Name', 'Email', 'Role', ''], roster.members.map(function (member) {
    var role = node('select');
    role.setAttribute('aria-label', 'Role of ' + member.name);
    ROLES.forEach(function (r) {
      var option = node('option', r);
      option.value = r;
      option.selected = r === member.role;
      role.appendChild(option);
    });
    role.addEventListener('change', function () {
      change('PATCH', base() + '/members/' + encodeURIComponent(member.accountId), { role: role.value },
        member.name + ' is now ' + role.value + '.');
    });
    var remove = button('Remove', function () {
      if (window.confirm('Remove ' + member.name + ' from ' + roster.organisationId + '?')) {
        change('DELETE', base() + '/members/' + encodeURIComponent(member.accountId), undefined,
          member.name + ' was removed.');
      }
    }, true);
    return [member.name, member.email, role, remove];
  })));
  var invitations = $('invitation-list');
  invitations.textContent = '';
  if (!roster.invitations.length) {
    invitations.appendChild(node('p', 'No pending invitations.', 'hint'));
    return;
  }
  invitations.appendChild(table(['Email', 'Role', 'Invited by', 'Expires', ''], roster.invitations.map(function (i) {
    var actions = node('div', null, 'button-row');
    actions.appendChild(button('Resend', function () {
      change('POST', base() + '/invitations/' + encodeURIComponent(i.id) + '/resend', undefined,
        'A new invitation went to ' + i.email + '; the old link no longer works.');
    }, true));
    actions.appendChild(button('Revoke', function () {
      change('DELETE', base() + '/invitations/' + encodeURIComponent(i.id), undefined,
        'The invitation to ' + i.email + ' was withdrawn.');
    }, true));
    return [i.email, i.role, i.invitedBy ? i.invitedBy.name : '', when(i.expiresAt), actions];
  })));
}

function change(method, path, body, done) {
  clearMessages();
  api(method, path, body).then(function (result) {
    if (!result.ok) {
      if (result.status !== 401) {
        showFailure(result);
      }
      load();
      return;
    }
    message(done);
    load();
  });
}

$('members-organisation').addEventListener('change', function () {
  clearMessages();
  load();
});

$('invite-form').addEventListener('submit', function (event) {
  event.preventDefault();
  var body = { email: $('invite-email').value, role: $('invite-role').value };
  if ($('invite-name').value) {
    body.name = $('invite-name').value;
  }
  clearMessages();
  $('invite-button').disabled = true;
  api('POST', base() + '/invitations', body).then(function (result) {
    $('invite-button').disabled = false;
    if (!result.ok) {
      if (result.status !== 401) {
        showFailure(result);
      }
      return;
    }
    $('invite-email').value = '';
    $('invite-name').value = '';
    message('Invitation sent to ' + result.body.email + '.');
    load();
  });
});

$('show-members').addEventListener('click', showMembers);

$('back-from-members').addEventListener('click', function (event) {
  event.preventDefault();
  clearMessages();
  show($('members'), false);
  showCampaigns();
});
