package org.pledgeworks.gateway.pages;

import java.util.List;
import java.util.Map;

/**
 * What events and volunteer opportunities look like on the pages: the campaign page's "Upcoming events"
 * and "Volunteer" sections (each left out when empty), and the facts an event's or opportunity's own page
 * repeats. Each item on the campaign page carries the anchor campaign-service's records link to
 * ({@code #event-{id}}, {@code #opportunity-{id}}) and one link, to its own page, so that twenty
 * opportunities cost a keyboard twenty stops, not sixty. Every value is escaped by {@link Html}.
 */
final class EngagementSections {

    private EngagementSections() {
    }

    static String eventPath(String id) {
        return "/events/" + ShareLinks.encode(id);
    }

    static String opportunityPath(String id) {
        return "/opportunities/" + ShareLinks.encode(id);
    }

    /** The campaign's calendar to subscribe to (campaign-service's iCalendar feed, through the gateway). */
    static String calendarFeed(String slug) {
        return "/api/campaigns/" + ShareLinks.encode(slug) + "/events.ics";
    }

    static String events(String slug, List<EventListing> events, Map<String, OrganisationProfile> organisations) {
        if (events.isEmpty()) {
            return "";
        }
        StringBuilder items = new StringBuilder();
        for (EventListing e : events) {
            items.append("          <li id=\"event-").append(Html.text(e.id())).append("\" class=\"listing\">\n")
                    .append("            <h3><a href=\"").append(Html.text(eventPath(e.id()))).append("\">")
                    .append(Html.text(e.title())).append("</a>")
                    .append(e.cancelled() ? " <span class=\"tag tag-cancelled\">Cancelled</span>" : "")
                    .append("</h3>\n")
                    .append(facts(eventFacts(e, organisations)));
            items.append("          </li>\n");
        }
        return """
                      <section id="events" class="card events" aria-labelledby="events-heading">
                        <h2 id="events-heading">Upcoming events</h2>
                        <ul id="events-list" class="listings">
                %s        </ul>
                        <p><a id="events-feed" href="%s">Subscribe to the calendar</a>
                          <span class="hint">(an iCalendar feed: your calendar app keeps these events up to date)</span></p>
                      </section>
                """.formatted(items, Html.text(calendarFeed(slug)));
    }

    static String opportunities(List<OpportunityListing> opportunities, Map<String, OrganisationProfile> organisations) {
        if (opportunities.isEmpty()) {
            return "";
        }
        StringBuilder items = new StringBuilder();
        for (OpportunityListing o : opportunities) {
            items.append("          <li id=\"opportunity-").append(Html.text(o.id())).append("\" class=\"listing\">\n")
                    .append("            <h3><a href=\"").append(Html.text(opportunityPath(o.id()))).append("\">")
                    .append(Html.text(o.title())).append("</a></h3>\n")
                    .append(facts(opportunityFacts(o, organisations, false)));
            items.append("          </li>\n");
        }
        return """
                      <section id="volunteer" class="card volunteer" aria-labelledby="volunteer-heading">
                        <h2 id="volunteer-heading">Volunteer</h2>
                        <p class="hint">Give some time to this campaign. Open one to read more and say you are interested.</p>
                        <ul id="volunteer-list" class="listings">
                %s        </ul>
                      </section>
                """.formatted(items);
    }

    /** When, where and who: for the campaign page's list and the event's own page. */
    static List<Fact> eventFacts(EventListing e, Map<String, OrganisationProfile> organisations) {
        String when = e.when();
        String whenHtml = when.isEmpty() ? "" : e.startsAtUtc() == null ? Html.text(when)
                : "<time datetime=\"" + e.startsAtUtc() + "\">" + Html.text(when) + "</time>";
        return List.of(new Fact("When", whenHtml), new Fact("Where", Html.text(e.where())),
                new Fact("Organised by", Html.text(name(e.organiser(), organisations))));
    }

    /** @param all the opportunity's own page: dates and people wanted too */
    static List<Fact> opportunityFacts(OpportunityListing o, Map<String, OrganisationProfile> organisations,
            boolean all) {
        List<Fact> facts = new java.util.ArrayList<>(List.of(
                new Fact("Organisation", Html.text(name(o.organisation(), organisations))),
                new Fact("Where", Html.text(o.where())),
                new Fact("Time", Html.text(o.timeCommitment())),
                new Fact("Skills", Html.text(String.join(", ", o.skills())))));
        if (all) {
            facts.add(new Fact("From", o.startsAt() == null ? "" : CampaignPageRenderer.time(o.startsAt())));
            facts.add(new Fact("Until", o.endsAt() == null ? "" : CampaignPageRenderer.time(o.endsAt())));
            facts.add(new Fact("People wanted", o.peopleWanted() > 0 ? Integer.toString(o.peopleWanted()) : ""));
        }
        return facts;
    }

    /** @param html already escaped; a fact without it is not shown */
    record Fact(String label, String html) {
    }

    static String facts(List<Fact> facts) {
        StringBuilder dl = new StringBuilder("            <dl class=\"facts\">\n");
        for (Fact f : facts) {
            if (f.html() != null && !f.html().isBlank()) {
                dl.append("              <div><dt>").append(Html.text(f.label())).append("</dt><dd>").append(f.html())
                        .append("</dd></div>\n");
            }
        }
        return dl.append("            </dl>\n").toString();
    }

    /** The organisation's name where its profile was read, else its id (never "null"). */
    static String name(String id, Map<String, OrganisationProfile> organisations) {
        OrganisationProfile profile = id == null ? null : organisations.get(id);
        return profile != null ? profile.displayName() : id;
    }
}
