package org.pledgeworks.campaign.updates;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** An update as stored; {@code body} is Markdown, rendered (and sanitised) when shown or sent. */
record CampaignUpdate(String id, String campaignId, UpdateStatus status, String locale, String title, String body,
        List<Variant> variants, Instant publishAt, Instant publishedAt, Instant createdAt, String createdBy) {

    enum UpdateStatus {
        DRAFT, SCHEDULED, PUBLISHED
    }

    record Variant(String locale, String title, String body) {

        Document toDocument() {
            return new Document("locale", locale).append("title", title).append("body", body);
        }

        static Variant fromDocument(Document d) {
            return new Variant(d.getString("locale"), d.getString("title"), d.getString("body"));
        }
    }

    Document toDocument() {
        return new Document("_id", id)
                .append("campaignId", campaignId)
                .append("status", status.name())
                .append("locale", locale)
                .append("title", title)
                .append("body", body)
                .append("variants", variants.stream().map(Variant::toDocument).toList())
                .append("publishAt", date(publishAt))
                .append("publishedAt", date(publishedAt))
                .append("createdAt", date(createdAt))
                .append("createdBy", createdBy);
    }

    static CampaignUpdate fromDocument(Document d) {
        return new CampaignUpdate(d.getString("_id"), d.getString("campaignId"),
                UpdateStatus.valueOf(d.getString("status")), d.getString("locale"), d.getString("title"),
                d.getString("body"),
                d.getList("variants", Document.class, List.of()).stream().map(Variant::fromDocument).toList(),
                instant(d.getDate("publishAt")), instant(d.getDate("publishedAt")), instant(d.getDate("createdAt")),
                d.getString("createdBy"));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
