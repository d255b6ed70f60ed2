/* The progress card's forms: add an indicator (the whole framework is saved each time), a target, an assessment. */
import { $, clearMessages, problem, message, api, showFailure, currentCampaign } from './shared.js';
import { cardPath, score, themesOf, loadCard, saveFramework, shownCard } from './card.js';

$('indicator-form').addEventListener('submit', function (event) {
  event.preventDefault();
  clearMessages();
  var current = currentCampaign();
  var themeId = $('i-themeId').value.trim();
  var indicator = { indicatorId: $('i-indicatorId').value.trim(), name: $('i-name').value.trim(), scale: $('i-scale').value };
  var themes = themesOf(shownCard()).map(function (theme) {
    return { themeId: theme.themeId, name: theme.name, indicators: (theme.indicators || []).slice() };
  });
  var theme = themes.filter(function (t) {
    return t.themeId === themeId;
  })[0];
  if (!theme) {
    theme = { themeId: themeId, name: $('i-themeName').value.trim() || themeId, indicators: [] };
    themes.push(theme);
  }
  theme.indicators.push(indicator);
  saveFramework(current, themes, 'Indicator added.');
  $('i-indicatorId').value = '';
  $('i-name').value = '';
});

$('target-form').addEventListener('submit', function (event) {
  event.preventDefault();
  clearMessages();
  var current = currentCampaign();
  var input = { name: $('t-name').value.trim(), kind: $('t-kind').value.trim() || null,
    countryCode: $('t-country').value.trim().toUpperCase() || null };
  api('POST', cardPath(current, '/targets'), input).then(function (result) {
    if (!result.ok) {
      showFailure(result);
      return;
    }
    $('t-name').value = '';
    $('t-kind').value = '';
    $('t-country').value = '';
    message('Target added: ' + input.name + '.');
    loadCard(current);
  });
});

$('assessment-form').addEventListener('submit', function (event) {
  event.preventDefault();
  clearMessages();
  var current = currentCampaign();
  var targetId = $('a-target').value;
  if (!targetId) {
    problem('Choose a target', 'Add a target first, then assess it.');
    return;
  }
  var input = {
    cycle: $('a-cycle').value.trim(), indicatorId: $('a-indicator').value, value: $('a-value').value.trim(),
    evidenceLink: $('a-evidenceLink').value.trim() || null, evidenceNote: $('a-evidenceNote').value.trim() || null
  };
  api('PUT', cardPath(current, '/targets/' + encodeURIComponent(targetId) + '/assessments'), input).then(function (result) {
    if (!result.ok) {
      showFailure(result);
      return;
    }
    $('a-value').value = '';
    $('a-evidenceLink').value = '';
    $('a-evidenceNote').value = '';
    message('Assessment recorded: score ' + score(result.body && result.body.score) + '.');
    loadCard(current);
  });
});
