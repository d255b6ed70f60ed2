package org.pledgeworks.campaign.interest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;
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
import org.bson.conversions.Bson;
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
    /** One document per opportunity: its last digest of new interest (when, and through when), and its events. */
    static final String DIGESTS = "opportunity-interest-digests";
    /** On an interest confirmed and not yet in a digest; unset once one covered it. */
    private static final String DIGEST_PENDING = "digestPending";
    /** More than staff can read in one list; the export and the list stop there. */
    static final int MOST = 5_000;

    private final MongoCollection<Document> interests;
    private final MongoCollection<Document> digests;

    InterestRepository(MongoDatabase database) {
        this.interests = database.getCollection(COLLECTION);
        this.digests = database.getCollection(DIGESTS);
        // for real MongoDB (the embedded server ignores secondary indexes): the staff list and erasure
        interests.createIndex(Indexes.ascending("opportunityId", "status", "confirmedAt"));
        interests.createIndex(Indexes.ascending("emailHash"));
        interests.createIndex(Indexes.ascending("status", "expressedAt"));
        interests.createIndex(Indexes.ascending(DIGEST_PENDING));
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
                        Updates.set(DIGEST_PENDING, true), Updates.inc("revision", 1))).getModifiedCount() == 1;
    }

    /**
     * Opportunities with interest confirmed and not yet in a digest, as far as the flag knows: a digest sent and
     * not yet unflagged (a crash in between) lists an opportunity that then finds nobody new.
     */
    List<String> awaitingDigest(int limit) {
        return interests.distinct("opportunityId", eq(DIGEST_PENDING, true), String.class).into(new ArrayList<>())
                .stream().limit(limit).toList();
    }

    /**
     * The opportunity's interests confirmed in ({@code after}, {@code until}] and not yet in a digest, whatever
     * staff made of them since, first confirmed first. The flag keeps out what was confirmed before digests
     * existed; the window keeps out what a digest listed and a crash left flagged.
     */
    List<Interest> confirmedBetween(String opportunityId, Instant after, Instant until, int limit) {
        Bson window = after == null ? lte("confirmedAt", Date.from(until))
                : and(gt("confirmedAt", Date.from(after)), lte("confirmedAt", Date.from(until)));
        return interests.find(and(eq("opportunityId", opportunityId), eq(DIGEST_PENDING, true),
                        ne("status", Status.PENDING.name()), window))
                .projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.orderBy(Sorts.ascending("confirmedAt"), Sorts.ascending("_id")))
                .limit(limit).batchSize(Math.min(limit, 500)).map(InterestRepository::fromDocument)
                .into(new ArrayList<>());
    }

    /** Unflags what a digest through {@code until} covered. */
    void digested(String opportunityId, Instant until) {
        interests.updateMany(and(eq("opportunityId", opportunityId), eq(DIGEST_PENDING, true),
                lte("confirmedAt", Date.from(until))), Updates.unset(DIGEST_PENDING));
    }

    /** The opportunity's last digest: when it was sent and the end of its window; empty before the first. */
    Optional<DigestMark> lastDigest(String opportunityId) {
        return Optional.ofNullable(digests.find(eq("_id", opportunityId)).projection(EventDocuments.WITHOUT_EVENTS)
                .first()).map(d -> new DigestMark(d.getDate("sentAt").toInstant(), d.getDate("through").toInstant()));
    }

    record DigestMark(Instant sentAt, Instant through) {
    }

    /**
     * Records a digest through {@code through} sent at {@code now}, with its events, if the last one is still
     * {@code previous} (none: the first is inserted): of two instances computing the same digest one writes.
     */
    boolean claimDigest(String opportunityId, DigestMark previous, Instant now, Instant through,
            List<PendingEvent> events) {
        Document mark = new Document("_id", opportunityId).append("sentAt", Date.from(now))
                .append("through", Date.from(through));
        if (previous == null) {
            return EventDocuments.insert(digests, mark, events);
        }
        List<Bson> claim = new ArrayList<>(List.of(Updates.set("sentAt", Date.from(now)),
                Updates.set("through", Date.from(through))));
        if (!events.isEmpty()) {
            claim.add(Updates.pushEach(PendingEvent.FIELD, events.stream().map(PendingEvent::toDocument).toList()));
        }
        return digests.updateOne(and(eq("_id", opportunityId), eq("sentAt", Date.from(previous.sentAt()))),
                Updates.combine(claim)).getModifiedCount() == 1;
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
