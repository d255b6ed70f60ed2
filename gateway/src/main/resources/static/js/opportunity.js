/*
 * A volunteer opportunity's page, /opportunities/{id}: the gateway renders it whole (gateway/.../pages/);
 * this script sends its interest form, which the API takes only as JSON, and shows the answer in place.
 *
 * Calls (through the gateway):
 *   POST /api/opportunities/{id}/interest <- {name, email, message, consent, consentWording, consentVersion}
 *        202 {status, message} -> check your email; 400 problem with errors [{field, message}]; 404/409/503 problem
 *
 * What comes from the server is written with textContent, never as HTML.
 */
(function () {
  'use strict';

  var FIELDS = { name: 'interest-name', email: 'interest-email', message: 'interest-message',
    consent: 'interest-consent' };

  function $(id) {
    return document.getElementById(id);
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  function clearErrors() {
    window.PledgeworksFormErrors.clear(FIELDS);
    $('interest-errors-live').textContent = '';
    ['title', 'detail', 'list'].forEach(function (part) {
      $('interest-problem-' + part).textContent = '';
    });
    show($('interest-problem'), false);
  }

  /** Each message next to its field; returns those that belong to no field. */
  function showFieldErrors(errors) {
    var unplaced = window.PledgeworksFormErrors.place(errors, FIELDS);
    var n = errors.length;
    $('interest-errors-live').textContent =
        n === 1 ? 'There is 1 problem with the form.' : 'There are ' + n + ' problems with the form.';
    var first = document.querySelector('#interest-form [aria-invalid="true"]');
    if (first) {
      first.focus();
    }
    return unplaced;
  }

  function showProblem(problem, extra) {
    $('interest-problem-title').textContent = problem.title || 'Something went wrong';
    $('interest-problem-detail').textContent = problem.detail || '';
    (extra || []).forEach(function (text) {
      var item = document.createElement('li');
      item.textContent = text;
      $('interest-problem-list').appendChild(item);
    });
    show($('interest-problem'), true);
    $('interest-problem').focus();
  }

  function validate(interest) {
    var errors = [];
    if (!interest.name) {
      errors.push({ field: 'name', message: 'Enter your name.' });
    }
    if (!interest.email) {
      errors.push({ field: 'email', message: 'Enter your email address.' });
    } else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(interest.email)) {
      errors.push({ field: 'email', message: 'Enter an email address like name@example.org.' });
    }
    if (!interest.consent) {
      errors.push({ field: 'consent', message: 'Tick the box: we pass your details on only if you agree.' });
    }
    return errors;
  }

  function readProblem(response) {
    return response.json().catch(function () {
      return {};
    }).then(function (problem) {
      problem = problem || {};
      if (!problem.title) {
        problem.title = response.status === 503 ? 'Service temporarily unavailable' : 'Something went wrong';
      }
      return problem;
    });
  }

  function start() {
    var form = $('interest-form');
    if (!form) {
      return; // a closed opportunity has no form
    }
    var button = $('interest-button');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors();
      var consent = $('interest-consent');
      var interest = {
        name: $('interest-name').value.trim(),
        email: $('interest-email').value.trim(),
        message: $('interest-message').value.trim() || null,
        consent: consent.checked,
        consentWording: $('interest-consent-label').textContent.trim(),
        consentVersion: consent.getAttribute('data-version')
      };
      var mistakes = validate(interest);
      if (mistakes.length) {
        showFieldErrors(mistakes);
        return;
      }
      button.disabled = true;
      fetch(form.getAttribute('data-action'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
        body: JSON.stringify(interest)
      }).then(function (response) {
        if (response.ok) {
          return response.json().catch(function () {
            return {};
          }).then(function (answer) {
            show(form, false);
            $('interest-success-text').textContent = answer.message ||
                'Thank you. Please confirm your interest with the link we are sending to your email address.';
            show($('interest-success'), true);
            $('interest-success').focus();
          });
        }
        return readProblem(response).then(function (problem) {
          var errors = Array.isArray(problem.errors) ? problem.errors : [];
          var unplaced = response.status === 400 && errors.length ? showFieldErrors(errors) : null;
          if (unplaced === null || unplaced.length) {
            showProblem(problem, unplaced);
          }
        });
      }).catch(function () {
        showProblem({ title: 'We could not reach Pledgeworks',
          detail: 'Check your connection and try again. Nothing has been sent.' });
      }).then(function () {
        button.disabled = false;
      });
    });
  }

  start();
})();
