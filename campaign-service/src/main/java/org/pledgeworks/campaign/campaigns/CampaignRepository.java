package org.pledgeworks.campaign.campaigns;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.campaign.system.ConflictException;

import org.springframework.stereotype.Repository;

@Repository
class CampaignRepository {

    static final String COLLECTION = "campaigns";

    private static final List<String> PUBLIC_STATUSES = List.of(
            CampaignStatus.OPEN.name(), CampaignStatus.CLOSED.name(), CampaignStatus.ARCHIVED.name());
    // what reads need: never the outbox, never the whole history of pledge texts
    private static final Bson WITHOUT_BULK = Projections.exclude("pendingEvents", "pledgeTextVersions");

    private final MongoCollection<Document> campaigns;

    CampaignRepository(MongoDatabase database) {
        this.campaigns = database.getCollection(COLLECTION);
        campaigns.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
        campaigns.createIndex(Indexes.ascending("status", "title"));
        campaigns.createIndex(Indexes.ascending("status", "endsAt"));
        campaigns.createIndex(Indexes.ascending("ownerOrganisation"));
        campaigns.createIndex(Indexes.ascending("partnerOrganisations"));
    }

    /**
     * Stores a new campaign with the events its creation causes, in one write.
     *
     * @return false when the id or the slug is taken
     */
    boolean insert(Campaign campaign, List<PendingEvent> events, Instant now) {
        List<Document> pending = new ArrayList<>();
        events.forEach(event -> pending.add(event.toDocument()));
        Document document = campaign.toDocument()
                .append("createdAt", Date.from(now))
                .append("publishedAt", campaign.status() == CampaignStatus.DRAFT ? null : Date.from(now))
                .append("pledgeTextVersions", List.of(version(campaign.pledgeTextVersion(), campaign.pledgeText(),
                        now, null)))
                .append("pendingEvents", pending);
        try {
            campaigns.insertOne(document);
            return true;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    static Document version(int version, String text, Instant at, String by) {
        return new Document("version", version).append("pledgeText", text).append("revisedAt", Date.from(at))
                .append("revisedBy", by);
    }

    /**
     * Applies {@code update} and records {@code events} in one write, if the campaign is still at
     * {@code revision}.
     *
     * @return false when someone else changed the campaign since it was read
     * @throws ConflictException when the update would take a slug that is taken
     */
    boolean updateIfUnchanged(String id, long revision, Bson update, List<PendingEvent> events) {
        List<Bson> updates = new ArrayList<>(List.of(update, Updates.inc("revision", 1)));
        if (!events.isEmpty()) {
            updates.add(Updates.pushEach("pendingEvents", events.stream().map(PendingEvent::toDocument).toList()));
        }
        try {
            // documents written before revisions existed have none: they count as revision 0
            Bson unchanged = revision == 0 ? or(eq("revision", 0L), exists("revision", false)) : eq("revision", revision);
            return campaigns.updateOne(and(eq("_id", id), unchanged), Updates.combine(updates))
                    .getModifiedCount() == 1;
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ConflictException("Slug taken", "Another campaign has this slug.");
            }
            throw e;
        }
    }

    /** Moves an open campaign to closed with its event, once: only one caller's write matches. */
    boolean closeIfOpen(String id, PendingEvent closed, Instant now) {
        return campaigns.updateOne(and(eq("_id", id), eq("status", CampaignStatus.OPEN.name())),
                Updates.combine(Updates.set("status", CampaignStatus.CLOSED.name()),
                        Updates.set("closedAt", Date.from(now)), Updates.inc("revision", 1),
                        Updates.push("pendingEvents", closed.toDocument())))
                .getModifiedCount() == 1;
    }

    Optional<Campaign> findById(String id) {
        return Optional.ofNullable(campaigns.find(eq("_id", id)).projection(WITHOUT_BULK).first())
                .map(Campaign::fromDocument);
    }

    List<Document> pledgeTextVersions(String id) {
        Document d = campaigns.find(eq("_id", id)).projection(Projections.include("pledgeTextVersions")).first();
        return d == null ? List.of() : d.getList("pledgeTextVersions", Document.class, List.of());
    }

    Optional<Campaign> findPublishedBySlug(String slug) {
        return Optional.ofNullable(campaigns.find(and(eq("slug", slug), in("status", PUBLIC_STATUSES)))
                .projection(WITHOUT_BULK).first()).map(Campaign::fromDocument);
    }

    List<Campaign> findOpen(int page, int size, Bson sort) {
        List<Campaign> result = new ArrayList<>();
        campaigns.find(eq("status", CampaignStatus.OPEN.name()))
                .projection(WITHOUT_BULK)
                .sort(Sorts.orderBy(sort, Sorts.ascending("_id")))
                .skip(page * size)
                .limit(size)
                .batchSize(size)
                .forEach(d -> result.add(Campaign.fromDocument(d)));
        return result;
    }

    long countOpen() {
        return campaigns.countDocuments(eq("status", CampaignStatus.OPEN.name()));
    }

    List<Campaign> findForOrganisations(Collection<String> organisations, int page, int size) {
        List<Campaign> result = new ArrayList<>();
        campaigns.find(or(in("ownerOrganisation", organisations), in("partnerOrganisations", organisations)))
                .projection(WITHOUT_BULK)
                .sort(Sorts.ascending("title", "_id"))
                .skip(page * size)
                .limit(size)
                .batchSize(size)
                .forEach(d -> result.add(Campaign.fromDocument(d)));
        return result;
    }

    List<String> findIdsDueToClose(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        campaigns.find(and(eq("status", CampaignStatus.OPEN.name()), lte("endsAt", Date.from(now))))
                .projection(Projections.include("_id"))
                .limit(limit)
                .batchSize(limit)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }
}
