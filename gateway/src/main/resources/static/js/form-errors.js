/*
 * How the public forms (sign, follow, interest) show a 400 problem's `errors`: each message in the box
 * under its field (the input's id + "-error"), the field marked aria-invalid and described by that box
 * (added to what already describes it, so a hint stays read); the messages no field owns are returned, for
 * the form's problem box. clear() undoes exactly that. Loaded before the scripts that use it.
 */
(function () {
  'use strict';

  function describedBy(input) {
    return (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
  }

  /** @param inputs the form's input ids by the problem's field names */
  function place(errors, inputs) {
    var unplaced = [];
    errors.forEach(function (error) {
      var inputId = inputs[error.field];
      if (!inputId) {
        unplaced.push(error.field ? error.field + ': ' + error.message : error.message);
        return;
      }
      var input = document.getElementById(inputId);
      var box = document.getElementById(inputId + '-error');
      box.textContent = box.textContent ? box.textContent + ' ' + error.message : error.message;
      box.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      var ids = describedBy(input);
      if (ids.indexOf(box.id) < 0) {
        ids.push(box.id);
        input.setAttribute('aria-describedby', ids.join(' '));
      }
    });
    return unplaced;
  }

  function clear(inputs) {
    Object.keys(inputs).forEach(function (field) {
      var input = document.getElementById(inputs[field]);
      var box = document.getElementById(inputs[field] + '-error');
      box.textContent = '';
      box.hidden = true;
      input.removeAttribute('aria-invalid');
      var ids = describedBy(input).filter(function (id) {
        return id !== box.id;
      });
      if (ids.length) {
        input.setAttribute('aria-describedby', ids.join(' '));
      } else {
        input.removeAttribute('aria-describedby');
      }
    });
  }

  window.PledgeworksFormErrors = { place: place, clear: clear };
})();
