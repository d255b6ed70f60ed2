package org.pledgeworks.campaign.campaigns;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.pledgeworks.campaign.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    static final String COLLECTION = "campaigns";

    private static final List<String> PUBLIC_STATUSES = List.of(
            CampaignStatus.OPEN.name(), CampaignStatus.CLOSED.name(), CampaignStatus.ARCHIVED.name());

    private final MongoCollection<Document> campaigns;

    CampaignRepository(MongoDatabase database) {
        this.campaigns = database.getCollection(COLLECTION);
        campaigns.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
        campaigns.createIndex(Indexes.ascending("status", "title"));
    }

    /**
     * Stores a new campaign with the events its creation causes, in one write.
     *
     * @return false when the id or the slug is taken
     */
    boolean insert(Campaign campaign, List<PendingEvent> events) {
        List<Document> pending = new ArrayList<>();
        events.forEach(event -> pending.add(event.toDocument()));
        try {
            campaigns.insertOne(campaign.toDocument().append("pendingEvents", pending));
            return true;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<Campaign> findPublishedBySlug(String slug) {
        return Optional.ofNullable(campaigns.find(and(eq("slug", slug), in("status", PUBLIC_STATUSES))).first())
                .map(Campaign::fromDocument);
    }

    List<Campaign> findOpen(int page, int size) {
        List<Campaign> result = new ArrayList<>();
        campaigns.find(eq("status", CampaignStatus.OPEN.name()))
                .sort(Sorts.ascending("title"))
                .skip(page * size)
                .limit(size)
                .batchSize(size)
                .forEach(d -> result.add(Campaign.fromDocument(d)));
        return result;
    }

    long countOpen() {
        return campaigns.countDocuments(eq("status", CampaignStatus.OPEN.name()));
    }
}
