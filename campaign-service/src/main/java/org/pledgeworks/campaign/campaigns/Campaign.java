package org.pledgeworks.campaign.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bson.Document;

/**
 * A campaign as this service stores it.
 *
 * @param translations        locale → title, summary and pledge text in that locale
 * @param milestoneThresholds verified counts that are milestones; null for the defaults
 * @param revision            bumped by every write, so a write based on what was read can be
 *                            made conditional on nothing having changed since
 */
public record Campaign(
        String id,
        String slug,
        String title,
        String summary,
        String description,
        String pledgeText,
        int pledgeTextVersion,
        String defaultLocale,
        Map<String, Translation> translations,
        long goal,
        String ownerOrganisation,
        List<String> partnerOrganisations,
        CampaignStatus status,
        Instant startsAt,
        Instant endsAt,
        String imageUrl,
        List<Long> milestoneThresholds,
        long revision) {

    static final List<Long> DEFAULT_THRESHOLDS = List.of(100L, 1_000L, 10_000L, 100_000L);

    public record Translation(String title, String summary, String pledgeText) {

        Document toDocument() {
            return new Document("title", title).append("summary", summary).append("pledgeText", pledgeText);
        }

        static Translation fromDocument(Document d) {
            return new Translation(d.getString("title"), d.getString("summary"), d.getString("pledgeText"));
        }
    }

    /** Owner first, then partners: everyone on the campaign. */
    public List<String> organisations() {
        List<String> all = new ArrayList<>();
        all.add(ownerOrganisation);
        all.addAll(partnerOrganisations);
        return all;
    }

    /** The milestones: the configured (or default) thresholds and the goal, ascending, without duplicates. */
    public List<Long> thresholds() {
        TreeSet<Long> all = new TreeSet<>(milestoneThresholds == null ? DEFAULT_THRESHOLDS : milestoneThresholds);
        all.add(goal);
        return List.copyOf(all);
    }

    public boolean isPublic() {
        return status != CampaignStatus.DRAFT;
    }

    Document toDocument() {
        Document translated = new Document();
        translations.forEach((locale, t) -> translated.append(locale, t.toDocument()));
        return new Document("_id", id)
                .append("slug", slug)
                .append("title", title)
                .append("summary", summary)
                .append("description", description)
                .append("pledgeText", pledgeText)
                .append("pledgeTextVersion", pledgeTextVersion)
                .append("defaultLocale", defaultLocale)
                .append("translations", translated)
                .append("goal", goal)
                .append("ownerOrganisation", ownerOrganisation)
                .append("partnerOrganisations", partnerOrganisations)
                .append("status", status.name())
                .append("startsAt", date(startsAt))
                .append("endsAt", date(endsAt))
                .append("imageUrl", imageUrl)
                .append("milestoneThresholds", milestoneThresholds)
                .append("revision", revision);
    }

    static Campaign fromDocument(Document d) {
        Map<String, Translation> translations = new LinkedHashMap<>();
        Document translated = d.get("translations", Document.class);
        if (translated != null) {
            translated.forEach((locale, t) -> translations.put(locale, Translation.fromDocument((Document) t)));
        }
        List<?> thresholds = d.getList("milestoneThresholds", Object.class);
        return new Campaign(d.getString("_id"), d.getString("slug"), d.getString("title"), d.getString("summary"),
                d.getString("description"), d.getString("pledgeText"), d.getInteger("pledgeTextVersion", 1),
                d.getString("defaultLocale"), translations, ((Number) d.get("goal")).longValue(),
                d.getString("ownerOrganisation"), d.getList("partnerOrganisations", String.class, List.of()),
                CampaignStatus.valueOf(d.getString("status")), instant(d.getDate("startsAt")),
                instant(d.getDate("endsAt")), d.getString("imageUrl"),
                thresholds == null ? null : thresholds.stream().map(n -> ((Number) n).longValue()).toList(),
                d.get("revision") instanceof Number n ? n.longValue() : 0L);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
