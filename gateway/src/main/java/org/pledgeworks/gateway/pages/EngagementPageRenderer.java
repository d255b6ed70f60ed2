package org.pledgeworks.gateway.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pledgeworks.gateway.pages.EngagementSections.Fact;

import org.springframework.stereotype.Component;

/**
 * An event's page, {@code /events/{id}}, and a volunteer opportunity's, {@code /opportunities/{id}}: the head
 * a link preview reads (title, description, Open Graph, canonical link), the facts, the full description
 * (campaign-service's sanitised HTML, cleaned again by {@link Html}), and for an event the calendar links, for
 * an open opportunity the interest form ({@code static/js/opportunity.js} sends it as JSON to
 * {@code POST /api/opportunities/{id}/interest}, which takes nothing else).
 */
@Component
class EngagementPageRenderer {

    /**
     * The version of the consent words below, recorded with each interest: change it whenever the words
     * change, so that what a person agreed to can be told from what a later person did.
     */
    static final String CONSENT_VERSION = "2026-12";

    private final PagesProperties properties;

    EngagementPageRenderer(PagesProperties properties) {
        this.properties = properties;
    }

    String event(EventListing e, Map<String, OrganisationProfile> organisations) {
        String url = properties.absolute(EngagementSections.eventPath(e.id()));
        List<Fact> facts = new ArrayList<>(EngagementSections.eventFacts(e, organisations));
        if (e.capacity() != null && e.capacity() > 0) {
            facts.add(new Fact("Places", Integer.toString(e.capacity())));
        }
        String online = Html.httpsUrl(e.onlineUrl());
        String main = """
                    %s
                    <article id="event" class="event">
                      <h1 id="event-title">%s</h1>
                %s%s%s%s
                      <ul class="calendar-links">
                        <li><a id="event-ics" href="%s">Add to calendar</a> <span class="hint">(an iCalendar file)</span></li>
                        <li><a id="events-feed" href="%s">Subscribe to the campaign's calendar</a></li>
                      </ul>
                    </article>
                """.formatted(back(e.campaignSlug()), Html.text(e.title()),
                e.cancelled() ? "      <p id=\"event-cancelled\" class=\"notice\">This event is cancelled.</p>\n" : "",
                EngagementSections.facts(facts),
                online == null || e.cancelled() ? "" : "      <p><a id=\"event-online\" href=\"" + Html.text(online)
                        + "\" rel=\"noopener nofollow\">Join online</a></p>\n",
                description("event", "About this event", e.descriptionHtml(), e.descriptionText()),
                Html.text("/api/events/" + ShareLinks.encode(e.id()) + ".ics"),
                Html.text(EngagementSections.calendarFeed(e.campaignSlug())));
        String summary = (e.when() + ". " + e.where() + ". ").replaceAll("^[. ]+", "");
        return PageLayout.page("en", e.title() + " — Pledgeworks", head(e.title(), e.descriptionText(), summary, url),
                main, List.of());
    }

    String opportunity(OpportunityListing o, Map<String, OrganisationProfile> organisations) {
        String url = properties.absolute(EngagementSections.opportunityPath(o.id()));
        String organisation = EngagementSections.name(o.organisation(), organisations);
        String main = """
                    %s
                    <article id="opportunity" class="opportunity">
                      <h1 id="opportunity-title">%s</h1>
                %s%s%s%s
                    </article>
                """.formatted(back(o.campaignSlug()), Html.text(o.title()),
                EngagementSections.facts(EngagementSections.opportunityFacts(o, organisations, true)), contact(o),
                description("opportunity", "About this opportunity", o.descriptionHtml(), o.descriptionText()),
                o.open() ? interestForm(o, organisation) : closed(o));
        String summary = "Volunteer with " + organisation + ". " + o.where() + ". ";
        return PageLayout.page("en", o.title() + " — Pledgeworks",
                head(o.title(), o.descriptionText(), summary, url), main,
                o.open() ? List.of("/js/form-errors.js", "/js/opportunity.js") : List.of());
    }

    private static String head(String title, String descriptionText, String fallback, String url) {
        String description = CampaignPageRenderer.description(
                descriptionText != null && !descriptionText.isBlank() ? descriptionText : fallback);
        StringBuilder head = PageLayout.preview("website", title, description, url);
        PageLayout.meta(head, "name", "twitter:card", "summary");
        return head.toString();
    }

    private static String back(String slug) {
        return slug == null ? "<p><a href=\"/\" class=\"back-link\">All campaigns</a></p>"
                : "<p><a href=\"" + Html.text("/campaigns/" + ShareLinks.encode(slug))
                        + "\" class=\"back-link\">Back to the campaign</a></p>";
    }

    private static String description(String id, String heading, String html, String text) {
        String body = Html.cleaned(html);
        if (body.isEmpty() && text != null && !text.isBlank()) {
            body = "<p>" + Html.text(text) + "</p>";
        }
        return body.isEmpty() ? "" : """
                      <section class="description" aria-labelledby="%1$s-description-heading">
                        <h2 id="%1$s-description-heading">%2$s</h2>
                        <div id="%1$s-description">%3$s</div>
                      </section>
                """.formatted(id, Html.text(heading), body);
    }

    private static String contact(OpportunityListing o) {
        List<String> ways = new ArrayList<>();
        String email = OrganisationPageRenderer.mailto(o.contactEmail());
        if (!email.isEmpty()) {
            ways.add(email);
        }
        String web = OrganisationLinks.external(o.contactUrl(), "opportunity-contact");
        if (!web.isEmpty()) {
            ways.add(web);
        }
        return ways.isEmpty() ? "" : "      <p id=\"opportunity-contact\">Questions? Contact " + String.join(" or ", ways)
                + ".</p>\n";
    }

    private static String closed(OpportunityListing o) {
        String why = "filled".equalsIgnoreCase(o.status()) ? "It has found the people it needed."
                : "It is closed.";
        return "      <p id=\"opportunity-closed\" class=\"notice\">This opportunity is not taking interest any more. "
                + why + "</p>\n";
    }

    private static String interestForm(OpportunityListing o, String organisation) {
        String consent = "I agree that " + organisation + " may contact me about this opportunity, using the "
                + "details I give here.";
        return """
                      <section id="interest" class="card sign" aria-labelledby="interest-heading">
                        <h2 id="interest-heading">I am interested</h2>
                        <p class="hint">We send you an email to confirm; %s gets your details only once you do.</p>
                %s
                        <div id="interest-success" class="success" role="status" tabindex="-1" hidden>
                          <p id="interest-success-text" class="success-title"></p>
                        </div>

                        <p id="interest-errors-live" class="visually-hidden" aria-live="polite"></p>

                        <!-- sent as JSON by js/opportunity.js: the API takes nothing else -->
                        <form id="interest-form" data-action="%s" novalidate>
                          <div class="field">
                            <label for="interest-name">Your name</label>
                            <input id="interest-name" name="name" type="text" autocomplete="name" maxlength="200" required>
                            <p id="interest-name-error" class="field-error" hidden></p>
                          </div>
                          <div class="field">
                            <label for="interest-email">Email address</label>
                            <input id="interest-email" name="email" type="email" autocomplete="email" inputmode="email"
                                   maxlength="254" spellcheck="false" required>
                            <p id="interest-email-error" class="field-error" hidden></p>
                          </div>
                          <div class="field">
                            <label for="interest-message">A message to the organisers (optional)</label>
                            <textarea id="interest-message" name="message" rows="4" maxlength="2000"></textarea>
                            <p id="interest-message-error" class="field-error" hidden></p>
                          </div>
                          <div class="field field-checkbox">
                            <input id="interest-consent" name="consent" type="checkbox" required
                                   data-version="%s">
                            <label id="interest-consent-label" for="interest-consent">%s</label>
                            <p id="interest-consent-error" class="field-error" hidden></p>
                          </div>
                          <button id="interest-button" type="submit" class="button">Send</button>
                        </form>
                        <noscript><p class="notice">Sending this form needs JavaScript.%s</p></noscript>
                      </section>
                """.formatted(Html.text(organisation), SignForm.problem("interest-problem"),
                Html.text("/api/opportunities/" + ShareLinks.encode(o.id()) + "/interest"), Html.text(CONSENT_VERSION),
                Html.text(consent), contact(o).isEmpty() ? "" : " You can also write to the organisers (above).");
    }
}
