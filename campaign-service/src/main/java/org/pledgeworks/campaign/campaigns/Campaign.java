package org.pledgeworks.campaign.campaigns;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** A campaign as this service stores it. */
record Campaign(
        String id,
        String slug,
        String title,
        String summary,
        String pledgeText,
        int pledgeTextVersion,
        String defaultLocale,
        long goal,
        String ownerOrganisation,
        List<String> partnerOrganisations,
        CampaignStatus status,
        Instant endsAt) {

    Document toDocument() {
        return new Document("_id", id)
                .append("slug", slug)
                .append("title", title)
                .append("summary", summary)
                .append("pledgeText", pledgeText)
                .append("pledgeTextVersion", pledgeTextVersion)
                .append("defaultLocale", defaultLocale)
                .append("goal", goal)
                .append("ownerOrganisation", ownerOrganisation)
                .append("partnerOrganisations", partnerOrganisations)
                .append("status", status.name())
                .append("endsAt", endsAt == null ? null : Date.from(endsAt));
    }

    static Campaign fromDocument(Document d) {
        Date endsAt = d.getDate("endsAt");
        return new Campaign(d.getString("_id"), d.getString("slug"), d.getString("title"), d.getString("summary"),
                d.getString("pledgeText"), d.getInteger("pledgeTextVersion", 1), d.getString("defaultLocale"),
                ((Number) d.get("goal")).longValue(), d.getString("ownerOrganisation"),
                d.getList("partnerOrganisations", String.class, List.of()),
                CampaignStatus.valueOf(d.getString("status")), endsAt == null ? null : endsAt.toInstant());
    }
}
