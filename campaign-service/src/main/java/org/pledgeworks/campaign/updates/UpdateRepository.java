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
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.campaign.updates.CampaignUpdate.UpdateStatus;

import org.springframework.stereotype.Repository;

@Repository
class UpdateRepository {

    static final String COLLECTION = "updates";
    private static final Bson WITHOUT_OUTBOX = Projections.exclude("pendingEvents");

    private final MongoCollection<Document> updates;

    UpdateRepository(MongoDatabase database) {
        this.updates = database.getCollection(COLLECTION);
        updates.createIndex(Indexes.ascending("campaignId", "status", "publishedAt"));
        updates.createIndex(Indexes.ascending("status", "publishAt"));
    }

    void insert(CampaignUpdate update) {
        updates.insertOne(update.toDocument());
    }

    Optional<CampaignUpdate> find(String campaignId, String updateId) {
        return Optional.ofNullable(updates.find(and(eq("_id", updateId), eq("campaignId", campaignId)))
                .projection(WITHOUT_OUTBOX).first()).map(CampaignUpdate::fromDocument);
    }

    /** Changes an update that is not published yet; false if it has been published meanwhile. */
    boolean changeUnpublished(String updateId, Bson change) {
        return updates.updateOne(and(eq("_id", updateId),
                        in("status", UpdateStatus.DRAFT.name(), UpdateStatus.SCHEDULED.name())), change)
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
                        Updates.push("pendingEvents", event.toDocument())))
                .getModifiedCount() == 1;
    }

    List<CampaignUpdate> forCampaign(String campaignId, int limit) {
        List<CampaignUpdate> result = new ArrayList<>();
        updates.find(eq("campaignId", campaignId)).projection(WITHOUT_OUTBOX)
                .sort(Sorts.descending("createdAt")).limit(limit).batchSize(limit)
                .forEach(d -> result.add(CampaignUpdate.fromDocument(d)));
        return result;
    }

    List<CampaignUpdate> published(String campaignId, int page, int size) {
        List<CampaignUpdate> result = new ArrayList<>();
        updates.find(and(eq("campaignId", campaignId), eq("status", UpdateStatus.PUBLISHED.name())))
                .projection(WITHOUT_OUTBOX)
                .sort(Sorts.orderBy(Sorts.descending("publishedAt"), Sorts.ascending("_id")))
                .skip(page * size).limit(size).batchSize(size)
                .forEach(d -> result.add(CampaignUpdate.fromDocument(d)));
        return result;
    }

    long countPublished(String campaignId) {
        return updates.countDocuments(and(eq("campaignId", campaignId), eq("status", UpdateStatus.PUBLISHED.name())));
    }

    List<CampaignUpdate> due(Instant now, int limit) {
        List<CampaignUpdate> result = new ArrayList<>();
        updates.find(and(eq("status", UpdateStatus.SCHEDULED.name()), lte("publishAt", Date.from(now))))
                .projection(WITHOUT_OUTBOX).limit(limit).batchSize(limit)
                .forEach(d -> result.add(CampaignUpdate.fromDocument(d)));
        return result;
    }
}
