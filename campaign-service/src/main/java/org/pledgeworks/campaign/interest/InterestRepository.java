package org.pledgeworks.campaign.interest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.pledgeworks.campaign.interest.Interest.Consent;
import org.pledgeworks.campaign.interest.Interest.Status;
import org.pledgeworks.campaign.outbox.EventDocuments;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * Where interests are stored, and the only place that knows their BSON shape. Every change is one
 * single-document write, with the events it causes in the same write.
 */
@Repository
class InterestRepository {

    static final String COLLECTION = "opportunity-interests";
    /** More than staff can read in one list; the export and the list stop there. */
    static final int MOST = 5_000;

    private final MongoCollection<Document> interests;

    InterestRepository(MongoDatabase database) {
        this.interests = database.getCollection(COLLECTION);
        // for real MongoDB (the embedded server ignores secondary indexes): the staff list and erasure
        interests.createIndex(Indexes.ascending("opportunityId", "status", "confirmedAt"));
        interests.createIndex(Indexes.ascending("emailHash"));
        interests.createIndex(Indexes.ascending("status", "expressedAt"));
    }

    /** @return false when an interest of that id exists already (a race of two first expressions) */
    boolean insert(Interest interest, List<PendingEvent> events) {
        return EventDocuments.insert(interests, toDocument(interest), events);
    }

    Optional<Interest> find(String interestId) {
        return Optional.ofNullable(interests.find(eq("_id", interestId)).projection(EventDocuments.WITHOUT_EVENTS)
                .first()).map(InterestRepository::fromDocument);
    }

    /** Writes {@code after}'s details and {@code events} if the interest is still pending at the revision read. */
    boolean changeIfUnchanged(Interest after, List<PendingEvent> events) {
        Document d = toDocument(after);
        return interests.updateOne(and(EventDocuments.atRevision(after.id(), after.revision()),
                eq("status", Status.PENDING.name())), EventDocuments.revisedWith(Updates.combine(
                        Updates.set("name", d.get("name")), Updates.set("email", d.get("email")),
                        Updates.set("message", d.get("message")), Updates.set("locale", d.get("locale")),
                        Updates.set("consent", d.get("consent")), Updates.set("expressedAt", d.get("expressedAt"))),
                        events)).getModifiedCount() == 1;
    }

    /** Pending → new; @return false when it was not pending (confirmed already, or gone) */
    boolean confirm(String interestId, Instant now) {
        return interests.updateOne(and(eq("_id", interestId), eq("status", Status.PENDING.name())),
                Updates.combine(Updates.set("status", Status.NEW.name()), Updates.set("confirmedAt", Date.from(now)),
                        Updates.inc("revision", 1))).getModifiedCount() == 1;
    }

    /** A confirmed interest of the opportunity moved to {@code status} by staff; empty if there is none. */
    Optional<Interest> setStatus(String opportunityId, String interestId, Status status, String by, Instant now) {
        return Optional.ofNullable(interests.findOneAndUpdate(
                and(eq("_id", interestId), eq("opportunityId", opportunityId), ne("status", Status.PENDING.name())),
                Updates.combine(Updates.set("status", status.name()), Updates.set("statusChangedAt", Date.from(now)),
                        Updates.set("statusChangedBy", by), Updates.inc("revision", 1)),
                new FindOneAndUpdateOptions().projection(EventDocuments.WITHOUT_EVENTS)
                        .returnDocument(ReturnDocument.AFTER))).map(InterestRepository::fromDocument);
    }

    boolean delete(String interestId) {
        return interests.deleteOne(eq("_id", interestId)).getDeletedCount() == 1;
    }

    /** Pending interests last expressed before {@code cutoff}: nobody confirmed them, and no link can now. */
    long deletePendingBefore(Instant cutoff) {
        return interests.deleteMany(and(eq("status", Status.PENDING.name()),
                com.mongodb.client.model.Filters.lt("expressedAt", Date.from(cutoff)))).getDeletedCount();
    }

    long deleteByEmailHash(String emailHash) {
        return interests.deleteMany(eq("emailHash", emailHash)).getDeletedCount();
    }

    /** The confirmed interests of an opportunity, oldest confirmation first. */
    List<Interest> confirmed(String opportunityId) {
        return interests.find(and(eq("opportunityId", opportunityId), ne("status", Status.PENDING.name())))
                .projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.orderBy(Sorts.ascending("confirmedAt"), Sorts.ascending("_id")))
                .limit(MOST).batchSize(500).map(InterestRepository::fromDocument).into(new ArrayList<>());
    }

    long countPending(String opportunityId) {
        return interests.countDocuments(and(eq("opportunityId", opportunityId), eq("status", Status.PENDING.name())));
    }

    private static Document toDocument(Interest i) {
        return new Document("_id", i.id())
                .append("opportunityId", i.opportunityId())
                .append("campaignId", i.campaignId())
                .append("postingOrganisation", i.postingOrganisation())
                .append("status", i.status().name())
                .append("name", i.name())
                .append("email", i.email())
                .append("emailHash", i.emailHash())
                .append("message", i.message())
                .append("locale", i.locale())
                .append("consent", new Document("wording", i.consent().wording())
                        .append("version", i.consent().version()).append("givenAt", date(i.consent().givenAt())))
                .append("expressedAt", date(i.expressedAt()))
                .append("confirmedAt", date(i.confirmedAt()))
                .append("statusChangedAt", date(i.statusChangedAt()))
                .append("statusChangedBy", i.statusChangedBy())
                .append("revision", i.revision());
    }

    private static Interest fromDocument(Document d) {
        Document consent = d.get("consent", Document.class);
        return new Interest(d.getString("_id"), d.getString("opportunityId"), d.getString("campaignId"),
                d.getString("postingOrganisation"), Status.valueOf(d.getString("status")), d.getString("name"),
                d.getString("email"), d.getString("emailHash"), d.getString("message"), d.getString("locale"),
                new Consent(consent.getString("wording"), consent.getString("version"),
                        instant(consent.getDate("givenAt"))),
                instant(d.getDate("expressedAt")), instant(d.getDate("confirmedAt")),
                instant(d.getDate("statusChangedAt")), d.getString("statusChangedBy"),
                d.get("revision") instanceof Number n ? n.longValue() : 0);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
