/*
 * The campaign page, /campaigns/{slug}: the gateway renders it whole (pledge, count, sign form, updates;
 * gateway/.../pages/), and this script enhances it: the live count, the form's checks and its answer
 * without leaving the page, the progress card, the copy-link button. The slug, goal and status are in
 * data-* attributes of #campaign, so the page needs no read of the campaign itself.
 *
 * Calls (all through the gateway):
 *   GET  /api/campaigns/{slug}/count    -> {total, byCountry, asOf, ...}   every 5 s
 *   GET  /api/campaigns/{slug}/card/grid -> the progress card's grid, drawn by js/card-grid.js (404: no card)
 *   POST /api/campaigns/{slug}/pledges  <- {name, email, country, consentToUpdates, locale}
 *        202 -> check your email; 400 problem with errors [{field, message}]; 404/409/503 problem
 *
 * Everything that comes from the server is written with textContent, never as HTML: campaign texts are
 * written by staff of many organisations, and a page that renders them as markup would run their scripts.
 */
(function () {
  'use strict';

  var COUNT_EVERY_MS = 5000;

  // ISO 3166-1 alpha-2 codes with English short names (CLDR), sorted by code; shown sorted by name
  var COUNTRIES = [
  ["AD","Andorra"], ["AE","United Arab Emirates"], ["AF","Afghanistan"], ["AG","Antigua & Barbuda"],
  ["AI","Anguilla"], ["AL","Albania"], ["AM","Armenia"], ["AO","Angola"], ["AQ","Antarctica"],
  ["AR","Argentina"], ["AS","American Samoa"], ["AT","Austria"], ["AU","Australia"], ["AW","Aruba"],
  ["AX","Åland Islands"], ["AZ","Azerbaijan"], ["BA","Bosnia & Herzegovina"], ["BB","Barbados"],
  ["BD","Bangladesh"], ["BE","Belgium"], ["BF","Burkina Faso"], ["BG","Bulgaria"], ["BH","Bahrain"],
  ["BI","Burundi"], ["BJ","Benin"], ["BL","St. Barthélemy"], ["BM","Bermuda"], ["BN","Brunei"],
  ["BO","Bolivia"], ["BQ","Caribbean Netherlands"], ["BR","Brazil"], ["BS","Bahamas"], ["BT","Bhutan"],
  ["BV","Bouvet Island"], ["BW","Botswana"], ["BY","Belarus"], ["BZ","Belize"], ["CA","Canada"],
  ["CC","Cocos (Keeling) Islands"], ["CD","Congo - Kinshasa"], ["CF","Central African Republic"],
  ["CG","Congo - Brazzaville"], ["CH","Switzerland"], ["CI","Côte d’Ivoire"], ["CK","Cook Islands"],
  ["CL","Chile"], ["CM","Cameroon"], ["CN","China"], ["CO","Colombia"], ["CR","Costa Rica"], ["CU","Cuba"],
  ["CV","Cape Verde"], ["CW","Curaçao"], ["CX","Christmas Island"], ["CY","Cyprus"], ["CZ","Czechia"],
  ["DE","Germany"], ["DJ","Djibouti"], ["DK","Denmark"], ["DM","Dominica"], ["DO","Dominican Republic"],
  ["DZ","Algeria"], ["EC","Ecuador"], ["EE","Estonia"], ["EG","Egypt"], ["EH","Western Sahara"],
  ["ER","Eritrea"], ["ES","Spain"], ["ET","Ethiopia"], ["FI","Finland"], ["FJ","Fiji"],
  ["FK","Falkland Islands"], ["FM","Micronesia"], ["FO","Faroe Islands"], ["FR","France"], ["GA","Gabon"],
  ["GB","United Kingdom"], ["GD","Grenada"], ["GE","Georgia"], ["GF","French Guiana"], ["GG","Guernsey"],
  ["GH","Ghana"], ["GI","Gibraltar"], ["GL","Greenland"], ["GM","Gambia"], ["GN","Guinea"],
  ["GP","Guadeloupe"], ["GQ","Equatorial Guinea"], ["GR","Greece"],
  ["GS","South Georgia & South Sandwich Islands"], ["GT","Guatemala"], ["GU","Guam"], ["GW","Guinea-Bissau"],
  ["GY","Guyana"], ["HK","Hong Kong SAR China"], ["HM","Heard & McDonald Islands"], ["HN","Honduras"],
  ["HR","Croatia"], ["HT","Haiti"], ["HU","Hungary"], ["ID","Indonesia"], ["IE","Ireland"], ["IL","Israel"],
  ["IM","Isle of Man"], ["IN","India"], ["IO","British Indian Ocean Territory"], ["IQ","Iraq"],
  ["IR","Iran"], ["IS","Iceland"], ["IT","Italy"], ["JE","Jersey"], ["JM","Jamaica"], ["JO","Jordan"],
  ["JP","Japan"], ["KE","Kenya"], ["KG","Kyrgyzstan"], ["KH","Cambodia"], ["KI","Kiribati"],
  ["KM","Comoros"], ["KN","St. Kitts & Nevis"], ["KP","North Korea"], ["KR","South Korea"], ["KW","Kuwait"],
  ["KY","Cayman Islands"], ["KZ","Kazakhstan"], ["LA","Laos"], ["LB","Lebanon"], ["LC","St. Lucia"],
  ["LI","Liechtenstein"], ["LK","Sri Lanka"], ["LR","Liberia"], ["LS","Lesotho"], ["LT","Lithuania"],
  ["LU","Luxembourg"], ["LV","Latvia"], ["LY","Libya"], ["MA","Morocco"], ["MC","Monaco"], ["MD","Moldova"],
  ["ME","Montenegro"], ["MF","St. Martin"], ["MG","Madagascar"], ["MH","Marshall Islands"],
  ["MK","North Macedonia"], ["ML","Mali"], ["MM","Myanmar (Burma)"], ["MN","Mongolia"],
  ["MO","Macao SAR China"], ["MP","Northern Mariana Islands"], ["MQ","Martinique"], ["MR","Mauritania"],
  ["MS","Montserrat"], ["MT","Malta"], ["MU","Mauritius"], ["MV","Maldives"], ["MW","Malawi"],
  ["MX","Mexico"], ["MY","Malaysia"], ["MZ","Mozambique"], ["NA","Namibia"], ["NC","New Caledonia"],
  ["NE","Niger"], ["NF","Norfolk Island"], ["NG","Nigeria"], ["NI","Nicaragua"], ["NL","Netherlands"],
  ["NO","Norway"], ["NP","Nepal"], ["NR","Nauru"], ["NU","Niue"], ["NZ","New Zealand"], ["OM","Oman"],
  ["PA","Panama"], ["PE","Peru"], ["PF","French Polynesia"], ["PG","Papua New Guinea"], ["PH","Philippines"],
  ["PK","Pakistan"], ["PL","Poland"], ["PM","St. Pierre & Miquelon"], ["PN","Pitcairn Islands"],
  ["PR","Puerto Rico"], ["PS","Palestinian Territories"], ["PT","Portugal"], ["PW","Palau"],
  ["PY","Paraguay"], ["QA","Qatar"], ["RE","Réunion"], ["RO","Romania"], ["RS","Serbia"], ["RU","Russia"],
  ["RW","Rwanda"], ["SA","Saudi Arabia"], ["SB","Solomon Islands"], ["SC","Seychelles"], ["SD","Sudan"],
  ["SE","Sweden"], ["SG","Singapore"], ["SH","St. Helena"], ["SI","Slovenia"], ["SJ","Svalbard & Jan Mayen"],
  ["SK","Slovakia"], ["SL","Sierra Leone"], ["SM","San Marino"], ["SN","Senegal"], ["SO","Somalia"],
  ["SR","Suriname"], ["SS","South Sudan"], ["ST","São Tomé & Príncipe"], ["SV","El Salvador"],
  ["SX","Sint Maarten"], ["SY","Syria"], ["SZ","Eswatini"], ["TC","Turks & Caicos Islands"], ["TD","Chad"],
  ["TF","French Southern Territories"], ["TG","Togo"], ["TH","Thailand"], ["TJ","Tajikistan"],
  ["TK","Tokelau"], ["TL","Timor-Leste"], ["TM","Turkmenistan"], ["TN","Tunisia"], ["TO","Tonga"],
  ["TR","Türkiye"], ["TT","Trinidad & Tobago"], ["TV","Tuvalu"], ["TW","Taiwan"], ["TZ","Tanzania"],
  ["UA","Ukraine"], ["UG","Uganda"], ["UM","U.S. Outlying Islands"], ["US","United States"],
  ["UY","Uruguay"], ["UZ","Uzbekistan"], ["VA","Vatican City"], ["VC","St. Vincent & Grenadines"],
  ["VE","Venezuela"], ["VG","British Virgin Islands"], ["VI","U.S. Virgin Islands"], ["VN","Vietnam"],
  ["VU","Vanuatu"], ["WF","Wallis & Futuna"], ["WS","Samoa"], ["YE","Yemen"], ["YT","Mayotte"],
  ["ZA","South Africa"], ["ZM","Zambia"], ["ZW","Zimbabwe"]
  ];

  // which input shows the server's message for each field of the request body
  var FIELD_INPUTS = { name: 'name', email: 'email', country: 'country', consentToUpdates: 'consent' };

  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function $(id) {
    return document.getElementById(id);
  }

  function show(element, visible) {
    element.hidden = !visible;
  }

  /** The campaign as the server rendered it into #campaign's data-* attributes; null on another page. */
  function renderedCampaign() {
    var article = $('campaign');
    if (!article || !article.dataset.slug) {
      return null;
    }
    return { slug: article.dataset.slug, goal: Number(article.dataset.goal) || 0, status: article.dataset.status };
  }

  function apiPath(slug, suffix) {
    return '/api/campaigns/' + encodeURIComponent(slug) + (suffix || '');
  }

  /** A problem document (RFC 9457) from any error response, even one that is not JSON. */
  function readProblem(response) {
    return response.json().then(function (body) {
      return body && typeof body === 'object' ? body : {};
    }, function () {
      return {};
    }).then(function (problem) {
      if (!problem.title) {
        problem.title = response.status === 503 ? 'Service temporarily unavailable' : 'Something went wrong';
      }
      return problem;
    });
  }

  function fetchJson(path, options) {
    var init = options || {};
    init.headers = Object.assign({ Accept: 'application/json, application/problem+json' }, init.headers || {});
    return fetch(path, init);
  }

  /* ---------------------------------------------------------------- live count */

  function renderCount(total, goal) {
    var totalText = numberFormat.format(total);
    // only touch the live region when the number changed, or screen readers repeat it every 5 s
    if ($('count-total').textContent !== totalText) {
      $('count-total').textContent = totalText;
      $('count-label').textContent = total === 1 ? 'confirmed signature' : 'confirmed signatures';
    }
    if (goal > 0) {
      var bar = $('count-bar');
      bar.max = goal;
      bar.value = Math.min(total, goal);
      var percent = Math.floor((Math.min(total, goal) / goal) * 100);
      var goalText = percent + '% of the goal of ' + numberFormat.format(goal) + ' signatures';
      if ($('goal-text').textContent !== goalText) {
        $('goal-text').textContent = goalText;
      }
      show($('goal'), true);
    }
  }

  function startCount(slug, goal) {
    var timer = null;

    function poll() {
      timer = null;
      fetchJson(apiPath(slug, '/count')).then(function (response) {
        if (!response.ok) {
          throw new Error('count answered ' + response.status);
        }
        return response.json();
      }).then(function (count) {
        renderCount(Number(count.total) || 0, goal);
        show($('count-stale'), false);
      }).catch(function () {
        // keep the last number on screen; say it is not live rather than showing an error
        show($('count-stale'), $('count-total').textContent !== '–');
      }).then(schedule);
    }

    function schedule() {
      // no polling from a tab nobody looks at; visibilitychange resumes it
      if (!document.hidden && timer === null) {
        timer = window.setTimeout(poll, COUNT_EVERY_MS);
      }
    }

    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && timer === null) {
        poll();
      }
    });
    poll();
  }

  /* ---------------------------------------------------------------- sign form */

  function fillCountries() {
    var select = $('country');
    if (select.options.length > 1) {
      return; // written by the server
    }
    var sorted = COUNTRIES.slice().sort(function (a, b) {
      return a[1].localeCompare(b[1], 'en');
    });
    sorted.forEach(function (country) {
      var option = document.createElement('option');
      option.value = country[0];
      option.textContent = country[1];
      select.appendChild(option);
    });
  }

  function describedBy(input) {
    return (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  }

  function clearErrors() {
    Object.keys(FIELD_INPUTS).forEach(function (field) {
      var input = $(FIELD_INPUTS[field]);
      var error = $(input.id + '-error');
      error.textContent = '';
      show(error, false);
      input.removeAttribute('aria-invalid');
      var ids = describedBy(input).filter(function (id) {
        return id !== error.id;
      });
      if (ids.length) {
        input.setAttribute('aria-describedby', ids.join(' '));
      } else {
        input.removeAttribute('aria-describedby');
      }
    });
    $('sign-errors-live').textContent = '';
    $('form-problem-title').textContent = '';
    $('form-problem-detail').textContent = '';
    $('form-problem-list').textContent = '';
    show($('form-problem'), false);
  }

  /** Shows each message next to its field; returns the messages that belong to no field. */
  function showFieldErrors(errors) {
    var unplaced = [];
    errors.forEach(function (error) {
      var inputId = FIELD_INPUTS[error.field];
      if (!inputId) {
        unplaced.push(error.field ? error.field + ': ' + error.message : error.message);
        return;
      }
      var input = $(inputId);
      var box = $(inputId + '-error');
      box.textContent = box.textContent ? box.textContent + ' ' + error.message : error.message;
      show(box, true);
      input.setAttribute('aria-invalid', 'true');
      var ids = describedBy(input);
      if (ids.indexOf(box.id) < 0) {
        ids.push(box.id);
        input.setAttribute('aria-describedby', ids.join(' '));
      }
    });
    $('sign-errors-live').textContent = problemCount(errors.length);
    // focus the first field in the form's order, whatever order the server listed them in
    var first = document.querySelector('#sign-form [aria-invalid="true"]');
    if (first) {
      first.focus();
    }
    return unplaced;
  }

  function problemCount(n) {
    return n === 1 ? 'There is 1 problem with the form.' : 'There are ' + n + ' problems with the form.';
  }

  function showFormProblem(problem, extraMessages) {
    $('form-problem-title').textContent = problem.title || 'Something went wrong';
    $('form-problem-detail').textContent = problem.detail || '';
    var list = $('form-problem-list');
    (extraMessages || []).forEach(function (message) {
      var item = document.createElement('li');
      item.textContent = message;
      list.appendChild(item);
    });
    show($('form-problem'), true);
    $('form-problem').focus();
  }

  /** The same checks the server makes, so most mistakes are caught without a round trip. */
  function validate(pledge) {
    var errors = [];
    if (!pledge.name) {
      errors.push({ field: 'name', message: 'Enter your name.' });
    } else if (pledge.name.length > 100) {
      errors.push({ field: 'name', message: 'Your name can be at most 100 characters.' });
    }
    if (!pledge.email) {
      errors.push({ field: 'email', message: 'Enter your email address.' });
    } else if (!/^[^\s@]+@[^\s@]+$/.test(pledge.email) || pledge.email.length > 254) {
      errors.push({ field: 'email', message: 'Enter an email address like name@example.org.' });
    }
    if (!pledge.country) {
      errors.push({ field: 'country', message: 'Choose your country.' });
    }
    return errors;
  }

  /** The reader's language, sent so the confirmation mail can be in it; left out if it looks odd. */
  function browserLocale() {
    var locale = navigator.language;
    return locale && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) ? locale : undefined;
  }

  function setBusy(busy) {
    var button = $('sign-button');
    button.disabled = busy;
    button.textContent = busy ? 'Signing…' : 'Sign the pledge';
  }

  function startForm(slug) {
    fillCountries();
    var form = $('sign-form');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors();

      var pledge = {
        name: $('name').value.trim(),
        email: $('email').value.trim(),
        country: $('country').value,
        consentToUpdates: $('consent').checked,
        locale: browserLocale()
      };
      var mistakes = validate(pledge);
      if (mistakes.length) {
        showFieldErrors(mistakes);
        return;
      }

      setBusy(true);
      fetchJson(apiPath(slug, '/pledges'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(pledge)
      }).then(function (response) {
        if (response.status === 202 || response.ok) {
          show(form, false);
          show($('sign-success'), true);
          $('sign-success').focus();
          return;
        }
        return readProblem(response).then(function (problem) {
          var errors = Array.isArray(problem.errors) ? problem.errors : [];
          if (response.status === 400 && errors.length) {
            var unplaced = showFieldErrors(errors);
            if (unplaced.length) {
              showFormProblem(problem, unplaced);
            }
          } else {
            showFormProblem(problem);
          }
        });
      }).catch(function () {
        showFormProblem({
          title: 'We could not reach Pledgeworks',
          detail: 'Check your connection and try again. Your signature has not been sent.'
        });
      }).then(function () {
        setBusy(false);
      });
    });
  }

  /* ---------------------------------------------------------------- follow without signing */

  var FOLLOW_INPUTS = { email: 'follow-email', name: 'follow-name' };

  /** Clears the follow form's messages and marks; the sign form keeps its own. */
  function clearFollowErrors() {
    Object.keys(FOLLOW_INPUTS).forEach(function (field) {
      var input = $(FOLLOW_INPUTS[field]);
      var error = $(input.id + '-error');
      error.textContent = '';
      show(error, false);
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    });
    $('follow-errors-live').textContent = '';
    $('follow-problem-title').textContent = '';
    $('follow-problem-detail').textContent = '';
    $('follow-problem-list').textContent = '';
    show($('follow-problem'), false);
  }

  function showFollowProblem(problem, extraMessages) {
    $('follow-problem-title').textContent = problem.title || 'Something went wrong';
    $('follow-problem-detail').textContent = problem.detail || '';
    (extraMessages || []).forEach(function (text) {
      var item = document.createElement('li');
      item.textContent = text;
      $('follow-problem-list').appendChild(item);
    });
    show($('follow-problem'), true);
    $('follow-problem').focus();
  }

  /** Each error next to its field (email, name); others in the box above the form. */
  function showFollowErrors(errors, problem) {
    var unplaced = [];
    errors.forEach(function (error) {
      var inputId = FOLLOW_INPUTS[error.field];
      if (!inputId) {
        unplaced.push(error.field ? error.field + ': ' + error.message : error.message);
        return;
      }
      var box = $(inputId + '-error');
      box.textContent = box.textContent ? box.textContent + ' ' + error.message : error.message;
      show(box, true);
      $(inputId).setAttribute('aria-invalid', 'true');
      $(inputId).setAttribute('aria-describedby', box.id);
    });
    $('follow-errors-live').textContent = problemCount(errors.length);
    if (unplaced.length) {
      showFollowProblem(problem || { title: 'Please check the form' }, unplaced);
      return;
    }
    var first = document.querySelector('#follow-form [aria-invalid="true"]');
    if (first) {
      first.focus();
    }
  }

  function startFollow(slug) {
    var form = $('follow-form');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearFollowErrors();
      var request = {
        campaignSlug: slug,
        email: $('follow-email').value.trim(),
        name: $('follow-name').value.trim() || undefined,
        locale: browserLocale()
      };
      if (!request.email) {
        showFollowErrors([{ field: 'email', message: 'Enter your email address.' }]);
        return;
      }
      if (!/^[^\s@]+@[^\s@]+$/.test(request.email) || request.email.length > 254) {
        showFollowErrors([{ field: 'email', message: 'Enter an email address like name@example.org.' }]);
        return;
      }
      $('follow-button').disabled = true;
      fetchJson('/api/notifications/follow', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request)
      }).then(function (response) {
        if (response.status === 202 || response.ok) {
          return response.json().then(function (body) {
            return body && typeof body === 'object' ? body : {};
          }, function () {
            return {};
          }).then(function (body) {
            if (body.message || body.detail) {
              $('follow-success-text').textContent = body.message || body.detail;
            }
            show(form, false);
            show($('follow-success'), true);
            $('follow-success').focus();
          });
        }
        return readProblem(response).then(function (problem) {
          var errors = Array.isArray(problem.errors) ? problem.errors : [];
          if (response.status === 400 && errors.length) {
            showFollowErrors(errors, problem);
          } else {
            showFollowProblem(problem);
          }
        });
      }).catch(function () {
        showFollowProblem({ title: 'We could not reach Pledgeworks', detail: 'Check your connection and try again.' });
      }).then(function () {
        $('follow-button').disabled = false;
      });
    });
  }

  /* ---------------------------------------------------------------- progress card */

  /** The grid is its own script (js/card-grid.js); without it the page is whole, only without the card. */
  function startCard(slug) {
    if (window.PledgeworksCardGrid) {
      window.PledgeworksCardGrid.start(slug);
    }
  }

  /* ---------------------------------------------------------------- sharing */

  /** The share field is always there; the button that copies it needs script, so script shows it. */
  function startCopyLink() {
    var button = $('copy-link');
    var field = $('share-url');
    if (!button || !field || !navigator.clipboard) {
      return;
    }
    show(button, true);
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(field.value).then(function () {
        $('copy-link-done').textContent = 'Link copied.';
      }, function () {
        field.select();
        $('copy-link-done').textContent = 'Select the link above and copy it.';
      });
    });
  }

  /* ---------------------------------------------------------------- start */

  function start() {
    var campaign = renderedCampaign();
    if (!campaign) {
      return;
    }
    if ($('sign-form')) {
      startForm(campaign.slug);
    }
    if ($('follow-form')) {
      startFollow(campaign.slug);
    }
    startCount(campaign.slug, campaign.goal);
    startCard(campaign.slug);
    startCopyLink();
  }

  start();
}());
