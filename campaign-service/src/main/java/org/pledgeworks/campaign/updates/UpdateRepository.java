package org.pledgeworks.campaign.updates;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.outbox.EventDocuments;
import org.pledgeworks.campaign.updates.CampaignUpdate.UpdateStatus;
import org.pledgeworks.campaign.updates.CampaignUpdate.Variant;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * Where updates are stored, and the only place that knows their BSON shape: the service asks it for each
 * kind of change and condition ({@link #edited}, {@link #scheduled}, {@link #stillDue}, ...).
 */
@Repository
class UpdateRepository {

    static final String COLLECTION = "updates";

    private final MongoCollection<Document> updates;

    UpdateRepository(MongoDatabase database) {
        this.updates = database.getCollection(COLLECTION);
        updates.createIndex(Indexes.ascending("campaignId", "status", "publishedAt"));
        updates.createIndex(Indexes.ascending("status", "publishAt"));
    }

    void insert(CampaignUpdate update) {
        updates.insertOne(toDocument(update));
    }

    Optional<CampaignUpdate> find(String campaignId, String updateId) {
        return Optional.ofNullable(updates.find(and(eq("_id", updateId), eq("campaignId", campaignId)))
                .projection(EventDocuments.WITHOUT_EVENTS).first()).map(UpdateRepository::fromDocument);
    }

    /** Changes an update that is not published yet; false if it has been published meanwhile. */
    boolean changeUnpublished(String updateId, Bson change) {
        return updates.updateOne(and(eq("_id", updateId), unpublished()), change)
                .getModifiedCount() == 1;
    }

    /**
     * The one write that publishes: status published and the event, only if the update is not
     * published yet (and, for the scheduler, still scheduled and due). Of any number of racing
     * callers, one succeeds.
     */
    boolean claimForPublishing(String updateId, Bson condition, PendingEvent event, Instant now) {
        return updates.updateOne(and(eq("_id", updateId), condition), Updates.combine(
                        Updates.set("status", UpdateStatus.PUBLISHED.name()),
                        Updates.set("publishedAt", Date.from(now)),
                        Updates.push(PendingEvent.FIELD, event.toDocument())))
                .getModifiedCount() == 1;
    }

    List<CampaignUpdate> forCampaign(String campaignId, int limit) {
        return updates.find(eq("campaignId", campaignId)).projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.descending("createdAt")).limit(limit).batchSize(limit)
                .map(UpdateRepository::fromDocument).into(new ArrayList<>());
    }

    List<CampaignUpdate> published(String campaignId, int page, int size) {
        return updates.find(and(eq("campaignId", campaignId), eq("status", UpdateStatus.PUBLISHED.name())))
                .projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.orderBy(Sorts.descending("publishedAt"), Sorts.ascending("_id")))
                .skip(page * size).limit(size).batchSize(size)
                .map(UpdateRepository::fromDocument).into(new ArrayList<>());
    }

    long countPublished(String campaignId) {
        return updates.countDocuments(and(eq("campaignId", campaignId), eq("status", UpdateStatus.PUBLISHED.name())));
    }

    List<CampaignUpdate> due(Instant now, int limit) {
        return updates.find(stillDue(now))
                .projection(EventDocuments.WITHOUT_EVENTS).limit(limit).batchSize(limit)
                .map(UpdateRepository::fromDocument).into(new ArrayList<>());
    }

    static Bson edited(String title, String body, String locale, List<Variant> variants) {
        return Updates.combine(Updates.set("title", title), Updates.set("body", body), Updates.set("locale", locale),
                Updates.set("variants", variants.stream().map(UpdateRepository::toDocument).toList()));
    }

    static Bson scheduled(Instant publishAt) {
        return Updates.combine(Updates.set("status", UpdateStatus.SCHEDULED.name()),
                Updates.set("publishAt", Date.from(publishAt)));
    }

    static Bson unscheduled() {
        return Updates.combine(Updates.set("status", UpdateStatus.DRAFT.name()), Updates.unset("publishAt"));
    }

    /** A draft or a scheduled update: one that may still change or be published. */
    static Bson unpublished() {
        return in("status", UpdateStatus.DRAFT.name(), UpdateStatus.SCHEDULED.name());
    }

    /** Scheduled and due at {@code now}: what the scheduler may publish. */
    static Bson stillDue(Instant now) {
        return and(eq("status", UpdateStatus.SCHEDULED.name()), lte("publishAt", Date.from(now)));
    }

    private static Document toDocument(CampaignUpdate u) {
        return new Document("_id", u.id())
                .append("campaignId", u.campaignId())
                .append("status", u.status().name())
                .append("locale", u.locale())
                .append("title", u.title())
                .append("body", u.body())
                .append("variants", u.variants().stream().map(UpdateRepository::toDocument).toList())
                .append("publishAt", date(u.publishAt()))
                .append("publishedAt", date(u.publishedAt()))
                .append("createdAt", date(u.createdAt()))
                .append("createdBy", u.createdBy());
    }

    private static CampaignUpdate fromDocument(Document d) {
        return new CampaignUpdate(d.getString("_id"), d.getString("campaignId"),
                UpdateStatus.valueOf(d.getString("status")), d.getString("locale"), d.getString("title"),
                d.getString("body"),
                d.getList("variants", Document.class, List.of()).stream().map(UpdateRepository::variant).toList(),
                instant(d.getDate("publishAt")), instant(d.getDate("publishedAt")), instant(d.getDate("createdAt")),
                d.getString("createdBy"));
    }

    private static Document toDocument(Variant v) {
        return new Document("locale", v.locale()).append("title", v.title()).append("body", v.body());
    }

    private static Variant variant(Document d) {
        return new Variant(d.getString("locale"), d.getString("title"), d.getString("body"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
