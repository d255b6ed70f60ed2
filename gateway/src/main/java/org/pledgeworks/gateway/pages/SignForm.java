package org.pledgeworks.gateway.pages;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sign and follow forms of an open campaign, with the country list written into the page so the form
 * is complete before (and without) script. The ids are the ones {@code static/js/sign-form.js} (sign) and
 * {@code campaign.js} (follow) work with.
 */
final class SignForm {

    /** Every ISO 3166-1 country, by its English name: written once, the same for every page. */
    private static final String COUNTRY_OPTIONS = countryOptions();

    private SignForm() {
    }

    static String sign(String slug, ShareLinks share, LinkTags tags) {
        return """
                      <section class="card sign" aria-labelledby="sign-heading">
                        <h2 id="sign-heading">Sign the pledge</h2>

                %s
                        <div id="sign-success" class="success" role="status" tabindex="-1" hidden>
                          <p class="success-title">Check your email to confirm your signature</p>
                          <p>We have sent you a link. Your signature counts once you open it.</p>
                          <p>Thank you. Ask a friend to sign too:</p>
                %s
                        </div>

                        <!-- always present, so screen readers announce the number of problems when they appear -->
                        <p id="sign-errors-live" class="visually-hidden" aria-live="polite"></p>

                        <form id="sign-form" method="post" action="/api/campaigns/%s/pledges" novalidate>
                %s                          <div class="field">
                            <label for="name">Your name</label>
                            <input id="name" name="name" type="text" autocomplete="name" maxlength="100" required>
                            <p id="name-error" class="field-error" hidden></p>
                          </div>

                          <div class="field">
                            <label for="email">Email address</label>
                            <p id="email-hint" class="hint">We send you a link to confirm your signature.</p>
                            <input id="email" name="email" type="email" autocomplete="email" inputmode="email"
                                   maxlength="254" spellcheck="false" required aria-describedby="email-hint">
                            <p id="email-error" class="field-error" hidden></p>
                          </div>

                          <div class="field">
                            <label for="country">Country</label>
                            <select id="country" name="country" autocomplete="country" required>
                              <option value="">Choose your country</option>
                %s
                            </select>
                            <p id="country-error" class="field-error" hidden></p>
                          </div>

                          <div class="field field-checkbox">
                            <input id="consent" name="consentToUpdates" type="checkbox">
                            <label for="consent">Keep me updated about this campaign by email. I can unsubscribe at any time.</label>
                            <p id="consent-error" class="field-error" hidden></p>
                          </div>

                          <button id="sign-button" type="submit" class="button">Sign the pledge</button>
                          <p class="hint">We use your email to confirm your signature and, only if you tick the box,
                            to send you updates about this campaign.</p>
                        </form>
                      </section>
                """.formatted(problem("form-problem"), share.list("share-after-signing"),
                Html.text(ShareLinks.encode(slug)), tags.hiddenFields(), COUNTRY_OPTIONS);
    }

    static String follow() {
        return """
                      <!-- follow without signing: notification-service mails a link to confirm (double opt-in) -->
                      <section id="follow" class="card follow" aria-labelledby="follow-heading">
                        <h2 id="follow-heading">Follow this campaign without signing</h2>
                        <p class="hint">Get its updates by email. You can stop them with one click in any mail.</p>

                %s
                        <div id="follow-success" class="success" role="status" tabindex="-1" hidden>
                          <p id="follow-success-text" class="success-title">Check your email to confirm that you want updates.</p>
                        </div>

                        <p id="follow-errors-live" class="visually-hidden" aria-live="polite"></p>

                        <form id="follow-form" novalidate>
                          <div class="field">
                            <label for="follow-email">Email address</label>
                            <input id="follow-email" name="email" type="email" autocomplete="email" inputmode="email"
                                   maxlength="254" spellcheck="false" required>
                            <p id="follow-email-error" class="field-error" hidden></p>
                          </div>
                          <div class="field">
                            <label for="follow-name">Your name (optional)</label>
                            <input id="follow-name" name="name" type="text" autocomplete="name" maxlength="100">
                            <p id="follow-name-error" class="field-error" hidden></p>
                          </div>
                          <button id="follow-button" type="submit" class="button button-secondary">Follow</button>
                        </form>
                      </section>
                """.formatted(problem("follow-problem"));
    }

    /** Where the script says why a form was refused: a title, a detail and one line per field. */
    static String problem(String id) {
        return """
                        <div id="%1$s" class="alert" role="alert" tabindex="-1" hidden>
                          <p id="%1$s-title" class="alert-title"></p>
                          <p id="%1$s-detail"></p>
                          <ul id="%1$s-list"></ul>
                        </div>
                """.formatted(Html.text(id));
    }

    /** The English name of an ISO 3166-1 alpha-2 code, or the code itself when the JDK does not know it. */
    static String countryName(String code) {
        if (code == null || !code.matches("[A-Z]{2}")) {
            return code;
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equals(code) ? code : name;
    }

    private static String countryOptions() {
        Collator byName = Collator.getInstance(Locale.ENGLISH);
        return Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(SignForm::countryName, byName))
                .map(code -> "                  <option value=\"" + code + "\">" + Html.text(countryName(code))
                        + "</option>")
                .collect(Collectors.joining("\n"));
    }
}
