package org.pledgeworks.campaign.endorsements;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

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
import org.pledgeworks.kit.outbox.PendingEvent;
import org.springframework.stereotype.Repository;

/** Where endorsements are stored, one document per (campaign, organisation), and the only place that knows their BSON. */
@Repository
class EndorsementRepository {

    static final String COLLECTION = "endorsements";

    private final MongoCollection<Document> endorsements;

    EndorsementRepository(MongoDatabase database) {
        this.endorsements = database.getCollection(COLLECTION);
        endorsements.createIndex(Indexes.ascending("campaignId", "withdrawnAt", "endorsedAt"));
    }

    /** @return false when the pair has a document already (someone endorsed at the same moment) */
    boolean insert(Endorsement endorsement, List<PendingEvent> events) {
        return EventDocuments.insert(endorsements, toDocument(endorsement).append("revision", endorsement.revision()),
                events);
    }

    /** @return false when it changed since {@code after} was computed from it */
    boolean reviseIfUnchanged(Endorsement after, List<PendingEvent> events) {
        List<Bson> changes = new ArrayList<>();
        toDocument(after).forEach((field, value) -> {
            if (!field.equals("_id")) {
                changes.add(Updates.set(field, value));
            }
        });
        return endorsements.updateOne(EventDocuments.atRevision(after.id(), after.revision()),
                EventDocuments.revisedWith(Updates.combine(changes), events)).getModifiedCount() == 1;
    }

    Optional<Endorsement> find(String campaignId, String organisationId) {
        return Optional.ofNullable(endorsements.find(eq("_id", Endorsement.idOf(campaignId, organisationId)))
                .projection(EventDocuments.WITHOUT_EVENTS).first()).map(EndorsementRepository::fromDocument);
    }

    /** The standing endorsements of a campaign, the earliest first: the first to commit head the list. */
    List<Endorsement> standing(String campaignId, int limit) {
        return endorsements.find(standingFilter(campaignId)).projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.ascending("endorsedAt", "_id")).limit(limit)
                .map(EndorsementRepository::fromDocument).into(new ArrayList<>());
    }

    long countStanding(String campaignId) {
        return endorsements.countDocuments(standingFilter(campaignId));
    }

    private static Bson standingFilter(String campaignId) {
        return and(eq("campaignId", campaignId), eq("withdrawnAt", null));
    }

    private static Document toDocument(Endorsement e) {
        return new Document("_id", e.id())
                .append("campaignId", e.campaignId())
                .append("organisationId", e.organisationId())
                .append("quote", e.quote())
                .append("endorsedBy", e.endorsedBy())
                .append("endorsedAt", Date.from(e.endorsedAt()))
                .append("withdrawnAt", e.withdrawnAt() == null ? null : Date.from(e.withdrawnAt()));
    }

    private static Endorsement fromDocument(Document d) {
        return new Endorsement(d.getString("campaignId"), d.getString("organisationId"), d.getString("quote"),
                d.getString("endorsedBy"), instant(d.getDate("endorsedAt")), instant(d.getDate("withdrawnAt")),
                d.get("revision") instanceof Number n ? n.longValue() : 0L);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
