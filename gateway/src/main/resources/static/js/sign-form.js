/*
 * The sign form of the campaign page (gateway/.../pages/SignForm.java renders it, complete without script):
 * the same checks the server makes before anything is sent, the country list if the server left it out,
 * and the answer shown in the page, each message next to its field, instead of a page of its own.
 * campaign.js starts it and hands over the page's helpers, which the follow form and the count share.
 *
 * Calls (through the gateway):
 *   POST /api/campaigns/{slug}/pledges  <- {name, email, country, consentToUpdates, locale, source?}
 *        202 {referralCode} -> check your email, and the share links now carry the signer's code;
 *        400 problem with errors [{field, message}]; 404/409/503 problem
 *
 * Everything that comes from the server is written with textContent, never as HTML.
 */
(function () {
  'use strict';

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

  // the campaign page's helpers (campaign.js), set by start
  var $, show, apiPath, readProblem, fetchJson, problemCount, browserLocale;

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

  function clearErrors() {
    window.PledgeworksFormErrors.clear(FIELD_INPUTS);
    $('sign-errors-live').textContent = '';
    $('form-problem-title').textContent = '';
    $('form-problem-detail').textContent = '';
    $('form-problem-list').textContent = '';
    show($('form-problem'), false);
  }

  /** Shows each message next to its field; returns the messages that belong to no field. */
  function showFieldErrors(errors) {
    var unplaced = window.PledgeworksFormErrors.place(errors, FIELD_INPUTS);
    $('sign-errors-live').textContent = problemCount(errors.length);
    // focus the first field in the form's order, whatever order the server listed them in
    var first = document.querySelector('#sign-form [aria-invalid="true"]');
    if (first) {
      first.focus();
    }
    return unplaced;
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

  function setBusy(busy) {
    var button = $('sign-button');
    button.disabled = busy;
    button.textContent = busy ? 'Signing…' : 'Sign the pledge';
  }

  var REFERRAL_CODE = /^[A-Za-z0-9_-]{6,32}$/;
  var UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

  /**
   * Where the signer came from: the tags of the link that opened the page and the site before it. A tag the
   * server would refuse is left out, so a mangled link never stops anyone signing.
   */
  function linkSource() {
    var params = new URLSearchParams(window.location.search);
    var source = {};
    UTM.forEach(function (name) {
      var value = (params.get(name) || '').trim();
      if (value && value.length <= 100 && !/\p{C}/u.test(value)) {
        source[name] = value;
      }
    });
    var ref = params.get('ref');
    if (ref && REFERRAL_CODE.test(ref)) {
      source.ref = ref;
    }
    var referrer = document.referrer;
    if (referrer && referrer.length <= 500 && /^https?:\/\/\S+$/.test(referrer)
        && referrer.indexOf(window.location.origin + '/') !== 0) {
      source.referrer = referrer;
    }
    return Object.keys(source).length ? source : undefined;
  }

  /** The share links and the copy field from now on carry the signer's own code, so their friends count for them. */
  function shareAsReferrer(code) {
    if (!code || !REFERRAL_CODE.test(code)) {
      return;
    }
    ['share-after-signing', 'share-links'].forEach(function (id) {
      var list = $(id);
      var after = list && list.getAttribute('data-referral-after');
      if (!after) {
        return;
      }
      Array.prototype.forEach.call(list.querySelectorAll('a'), function (link) {
        link.href = link.getAttribute('href').replace(after, after + '%26ref%3D' + code);
      });
    });
    var field = $('share-url');
    if (field) {
      var url = new URL(field.value);
      url.searchParams.set('ref', code);
      field.value = url.toString();
    }
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
        locale: browserLocale(),
        source: linkSource()
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
          return response.json().then(function (answer) {
            shareAsReferrer(answer && answer.referralCode);
          }, function () { /* signed all the same; the links stay untagged */ });
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

  window.PledgeworksSignForm = {
    start: function (slug, page) {
      $ = page.$;
      show = page.show;
      apiPath = page.apiPath;
      readProblem = page.readProblem;
      fetchJson = page.fetchJson;
      problemCount = page.problemCount;
      browserLocale = page.browserLocale;
      startForm(slug);
    }
  };
}());
