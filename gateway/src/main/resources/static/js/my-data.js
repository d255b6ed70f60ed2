/*
 * my-data.html: asks pledge-service to mail a signer the links to export or erase their data.
 *
 * Calls POST /api/pledges/data-requests <- {email, locale} -> 202 {status, message};
 *       400 problem with errors [{field, message}]; 429 problem with Retry-After.
 * The answer is the same whether or not the address is known, so the page cannot be used to find out
 * who signed.
 */
(function () {
  'use strict';

  function $(id) {
    return document.getElementById(id);
  }

  function showProblem(title, detail) {
    $('request-problem-title').textContent = title;
    $('request-problem-detail').textContent = detail || '';
    $('request-problem').hidden = false;
    $('request-problem').focus();
  }

  function fieldError(message) {
    var input = $('email');
    $('email-error').textContent = message;
    $('email-error').hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'email-error');
    input.focus();
  }

  $('request-form').addEventListener('submit', function (event) {
    event.preventDefault();
    $('request-problem').hidden = true;
    $('email-error').hidden = true;
    $('email').removeAttribute('aria-invalid');
    $('email').removeAttribute('aria-describedby');

    var email = $('email').value.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      fieldError('Enter an email address like name@example.org.');
      return;
    }
    var button = $('request-button');
    button.disabled = true;
    fetch('/api/pledges/data-requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify({ email: email })
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (body) {
        if (response.ok) {
          if (body.message) {
            $('request-sent-detail').textContent = body.message;
          }
          $('request-form').hidden = true;
          $('request-sent').hidden = false;
          $('request-sent').focus();
          return;
        }
        var errors = Array.isArray(body.errors) ? body.errors : [];
        if (response.status === 400 && errors.length) {
          fieldError(errors.map(function (e) { return e.message; }).join(' '));
        } else {
          showProblem(body.title || 'Something went wrong', body.detail || 'Please try again in a moment.');
        }
      });
    }).catch(function () {
      showProblem('We could not reach Pledgeworks', 'Check your connection and try again.');
    }).then(function () {
      button.disabled = false;
    });
  });
}());
