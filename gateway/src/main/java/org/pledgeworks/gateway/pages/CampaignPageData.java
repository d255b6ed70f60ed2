package org.pledgeworks.gateway.pages;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * What the campaign page shows, read from the public JSON of campaign-service
 * ({@code /api/campaigns/{slug}}, {@code .../updates}, {@code .../events}, {@code .../opportunities}) and
 * pledge-service ({@code .../count}). Only the fields the page uses are read; a field a service leaves out or
 * adds changes nothing here.
 *
 * @param count   null when the count could not be read: the page says "–" and the script fills it in
 * @param updates newest first, as campaign-service lists them; empty when there are none or they could not
 *                be read (the page stands without them)
 * @param organisations the profiles of the campaign's owner and partners that could be read, by id; one
 *                missing is shown as its id
 * @param events  its upcoming events ({@code .../events}), soonest first; empty when there are none or they
 *                could not be read in time (the section is left out)
 * @param endorsers the organisations that endorse it ({@code .../endorsements}); none when none could be read
 * @param opportunities its published volunteer opportunities ({@code .../opportunities}), newest first; empty
 *                as the events are
 */
record CampaignPageData(Campaign campaign, Count count, List<Update> updates,
        Map<String, OrganisationProfile> organisations, List<EventListing> events,
        List<OpportunityListing> opportunities, Endorsers endorsers) {

    CampaignPageData {
        events = events == null ? List.of() : List.copyOf(events);
        opportunities = opportunities == null ? List.of() : List.copyOf(opportunities);
        endorsers = endorsers == null ? Endorsers.NONE : endorsers;
    }

    /** A page without endorsers. */
    CampaignPageData(Campaign campaign, Count count, List<Update> updates,
            Map<String, OrganisationProfile> organisations, List<EventListing> events,
            List<OpportunityListing> opportunities) {
        this(campaign, count, updates, organisations, events, opportunities, Endorsers.NONE);
    }

    /** A page without events or opportunities. */
    CampaignPageData(Campaign campaign, Count count, List<Update> updates,
            Map<String, OrganisationProfile> organisations) {
        this(campaign, count, updates, organisations, List.of(), List.of(), Endorsers.NONE);
    }

    record Campaign(String slug, String title, String summary, String descriptionHtml, String pledgeText, long goal,
            String status, String locale, String imageUrl, Instant startsAt, Instant endsAt,
            String ownerOrganisation, List<String> partnerOrganisations, List<Long> milestones) {

        Campaign {
            partnerOrganisations = partnerOrganisations == null ? List.of() : List.copyOf(partnerOrganisations);
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
        }

        /** A campaign whose milestones are not known (a campaign-service from before they were in its answer). */
        Campaign(String slug, String title, String summary, String descriptionHtml, String pledgeText, long goal,
                String status, String locale, String imageUrl, Instant startsAt, Instant endsAt,
                String ownerOrganisation, List<String> partnerOrganisations) {
            this(slug, title, summary, descriptionHtml, pledgeText, goal, status, locale, imageUrl, startsAt, endsAt,
                    ownerOrganisation, partnerOrganisations, List.of());
        }

        boolean open() {
            return status == null || "open".equalsIgnoreCase(status);
        }

        /** The partners, each once, without the owner (it is named as the owner). */
        List<String> partners() {
            return partnerOrganisations.stream()
                    .filter(p -> p != null && !p.isBlank() && !p.equals(ownerOrganisation)).distinct().toList();
        }

        /** Every organisation the page names: the owner first, then the partners. */
        List<String> organisations() {
            List<String> all = new ArrayList<>();
            if (ownerOrganisation != null && !ownerOrganisation.isBlank()) {
                all.add(ownerOrganisation);
            }
            all.addAll(partners());
            return List.copyOf(all);
        }

        static Campaign from(JsonNode json) {
            List<String> partners = new ArrayList<>();
            for (JsonNode partner : json.path("partnerOrganisations").values()) {
                if (partner.isString()) {
                    partners.add(partner.asString());
                }
            }
            List<Long> milestones = new ArrayList<>();
            for (JsonNode milestone : json.path("milestones").values()) {
                if (milestone.isIntegralNumber() && milestone.asLong() > 0) {
                    milestones.add(milestone.asLong());
                }
            }
            milestones.sort(Comparator.naturalOrder());
            return new Campaign(text(json, "slug"), text(json, "title"), text(json, "summary"),
                    text(json, "descriptionHtml"), text(json, "pledgeText"), json.path("goal").asLong(0),
                    text(json, "status"), text(json, "locale"), text(json, "imageUrl"), instant(json, "startsAt"),
                    instant(json, "endsAt"), text(json, "ownerOrganisation"), List.copyOf(partners),
                    List.copyOf(milestones));
        }
    }

    /** @param byCountry ISO country code → verified signatures, largest first */
    record Count(long total, List<Map.Entry<String, Long>> byCountry) {

        static Count from(JsonNode json) {
            List<Map.Entry<String, Long>> countries = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : json.path("byCountry").properties()) {
                long n = e.getValue().asLong(0);
                if (n > 0) {
                    countries.add(Map.entry(e.getKey(), n));
                }
            }
            countries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()));
            return new Count(json.path("total").asLong(0), List.copyOf(countries));
        }
    }

    /** @param bodyText the plain text, shown only where a service sends no HTML */
    record Update(String id, String title, String bodyHtml, String bodyText, Instant publishedAt) {

        static List<Update> listFrom(JsonNode json) {
            List<Update> updates = new ArrayList<>();
            for (JsonNode item : json.path("items").values()) {
                updates.add(new Update(text(item, "updateId"), text(item, "title"), text(item, "bodyHtml"),
                        text(item, "bodyText"), instant(item, "publishedAt")));
            }
            return List.copyOf(updates);
        }
    }

    /** The {@code items} of a page of a list endpoint, as parsed, those {@code keep} does not want left out. */
    static <T> List<T> items(JsonNode page, Function<JsonNode, T> parse, Predicate<T> keep) {
        List<T> items = new ArrayList<>();
        for (JsonNode item : page.path("items").values()) {
            T parsed = parse.apply(item);
            if (keep.test(parsed)) {
                items.add(parsed);
            }
        }
        return List.copyOf(items);
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    static Instant instant(JsonNode json, String field) {
        return time(json, field, Instant::parse);
    }

    /** A date or time in ISO form, or null when it is absent or cannot be read. */
    static <T> T time(JsonNode json, String field, Function<String, T> parse) {
        String value = text(json, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value);
        }
        catch (DateTimeParseException e) {
            return null; // a date the page cannot read is left out, not a broken page
        }
    }
}
