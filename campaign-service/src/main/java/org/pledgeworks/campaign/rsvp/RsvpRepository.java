package org.pledgeworks.campaign.rsvp;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.outbox.EventDocuments;
import org.pledgeworks.campaign.rsvp.Rsvp.Status;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * Where RSVPs and the events' seats are stored, and the only place that knows their BSON shape. An RSVP's
 * every change is one single-document write with the events it causes. A seat is an entry in the event's
 * seat document ({@code taken}, and the RSVP ids that hold one in {@code holders}): taken by one
 * conditional update that matches only while {@code taken} is below the capacity and the RSVP holds none,
 * so two confirmations racing for the last seat cannot both get it, and a repeat takes no second seat.
 */
@Repository
class RsvpRepository {

    static final String COLLECTION = "event-rsvps";
    static final String SEATS = "event-rsvp-seats";
    /** More than staff can read in one list; the export and the list stop there. */
    static final int MOST = 5_000;

    private final MongoCollection<Document> rsvps;
    private final MongoCollection<Document> seats;

    RsvpRepository(MongoDatabase database) {
        this.rsvps = database.getCollection(COLLECTION);
        this.seats = database.getCollection(SEATS);
        // for real MongoDB (the embedded server ignores secondary indexes): lists, waiting order, erasure, purge
        rsvps.createIndex(Indexes.ascending("calendarEventId", "status", "confirmedAt"));
        rsvps.createIndex(Indexes.ascending("emailHash"));
        rsvps.createIndex(Indexes.ascending("status", "requestedAt"));
    }

    /** @return false when an RSVP of that id exists already (a race of two first answers) */
    boolean insert(Rsvp rsvp, List<PendingEvent> events) {
        return EventDocuments.insert(rsvps, toDocument(rsvp), events);
    }

    Optional<Rsvp> find(String rsvpId) {
        return Optional.ofNullable(rsvps.find(eq("_id", rsvpId)).projection(EventDocuments.WITHOUT_EVENTS).first())
                .map(RsvpRepository::fromDocument);
    }

    /** Writes {@code after} (a repeat: pending again, as typed now) if the RSVP is still at the revision read. */
    boolean changeIfUnchanged(Rsvp after, List<PendingEvent> events) {
        return rsvps.updateOne(EventDocuments.atRevision(after.id(), after.revision()),
                EventDocuments.revisedWith(EventDocuments.setAll(toDocument(after)), events)).getModifiedCount() == 1;
    }

    /**
     * {@code from} → {@code to} with {@code events}; confirming stamps {@code confirmedAt} (a promotion keeps
     * it), cancelling forgets name and address (the figures keep counting it).
     *
     * @return false when it was not in {@code from} (a racing press, a cancellation, an erasure)
     */
    boolean move(String rsvpId, Status from, Status to, Instant now, List<PendingEvent> events) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("status", to.name())));
        if (from == Status.PENDING && to != Status.CANCELLED) {
            changes.add(Updates.set("confirmedAt", Date.from(now)));
        }
        if (to == Status.CANCELLED) {
            changes.addAll(List.of(Updates.set("cancelledAt", Date.from(now)), Updates.set("name", null),
                    Updates.set("email", null)));
        }
        return rsvps.updateOne(and(eq("_id", rsvpId), eq("status", from.name())),
                EventDocuments.revisedWith(Updates.combine(changes), events)).getModifiedCount() == 1;
    }

    /**
     * Takes a seat of the event for the RSVP, if one is free below {@code capacity} (null: no limit).
     *
     * @return true when the RSVP holds a seat now (taken now, or held already)
     */
    boolean takeSeat(String calendarEventId, String rsvpId, Integer capacity) {
        ensureSeats(calendarEventId);
        Bson free = capacity == null ? ne("holders", rsvpId) : and(ne("holders", rsvpId), lt("taken", capacity));
        if (seats.updateOne(and(eq("_id", calendarEventId), free),
                Updates.combine(Updates.inc("taken", 1), Updates.push("holders", rsvpId))).getModifiedCount() == 1) {
            return true;
        }
        return seats.countDocuments(and(eq("_id", calendarEventId), eq("holders", rsvpId))) == 1;
    }

    /** The event's seat document, written once: what seats, reminders and told changes are recorded on. */
    private void ensureSeats(String calendarEventId) {
        EventDocuments.insert(seats, new Document("_id", calendarEventId).append("taken", 0)
                .append("holders", List.of()), List.of());
    }

    /** Gives back the RSVP's seat; nothing when it holds none. */
    boolean releaseSeat(String calendarEventId, String rsvpId) {
        return seats.updateOne(and(eq("_id", calendarEventId), eq("holders", rsvpId)),
                Updates.combine(Updates.inc("taken", -1), Updates.pull("holders", rsvpId))).getModifiedCount() == 1;
    }

    /**
     * Marks the event's reminder sent, with its events, if nobody did before: of two instances one matches.
     * The seat document exists, as somebody is going.
     */
    boolean claimReminder(String calendarEventId, Instant now, List<PendingEvent> events) {
        return seats.updateOne(and(eq("_id", calendarEventId), exists("remindedAt", false)),
                Updates.combine(Updates.set("remindedAt", Date.from(now)), Updates.pushEach(PendingEvent.FIELD,
                        events.stream().map(PendingEvent::toDocument).toList()))).getModifiedCount() == 1;
    }

    /** Records the change {@code causeId} as told, with its events, unless it was told before. */
    boolean claimChange(String calendarEventId, String causeId, List<PendingEvent> events) {
        ensureSeats(calendarEventId);
        return seats.updateOne(and(eq("_id", calendarEventId), ne("changesTold", causeId)),
                Updates.combine(Updates.push("changesTold", causeId), Updates.pushEach(PendingEvent.FIELD,
                        events.stream().map(PendingEvent::toDocument).toList()))).getModifiedCount() == 1;
    }

    /** Seats taken of the event. */
    long seatsTaken(String calendarEventId) {
        Document d = seats.find(eq("_id", calendarEventId)).first();
        return d != null && d.get("taken") instanceof Number n ? n.longValue() : 0;
    }

    /** The event's RSVPs in {@code status}, in order of confirmation (the waiting list's order). */
    List<Rsvp> inStatus(String calendarEventId, Status status, int limit) {
        return rsvps.find(and(eq("calendarEventId", calendarEventId), eq("status", status.name())))
                .projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.orderBy(Sorts.ascending("confirmedAt"), Sorts.ascending("_id")))
                .limit(limit).batchSize(Math.min(limit, 500)).map(RsvpRepository::fromDocument).into(new ArrayList<>());
    }

    long count(String calendarEventId, Status status) {
        return rsvps.countDocuments(and(eq("calendarEventId", calendarEventId), eq("status", status.name())));
    }

    Map<Status, Long> figures(String calendarEventId) {
        Map<Status, Long> figures = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            figures.put(status, count(calendarEventId, status));
        }
        return figures;
    }

    /** Waiting before {@code rsvp} (confirmed earlier, or at the same instant with a lower id). */
    long waitingAhead(Rsvp rsvp) {
        Date at = Date.from(rsvp.confirmedAt());
        return rsvps.countDocuments(and(eq("calendarEventId", rsvp.calendarEventId()),
                eq("status", Status.WAITING.name()), com.mongodb.client.model.Filters.or(lt("confirmedAt", at),
                        and(eq("confirmedAt", at), lt("_id", rsvp.id())))));
    }

    List<Rsvp> byEmailHash(String emailHash) {
        return rsvps.find(eq("emailHash", emailHash)).projection(EventDocuments.WITHOUT_EVENTS)
                .map(RsvpRepository::fromDocument).into(new ArrayList<>());
    }

    boolean delete(String rsvpId) {
        return rsvps.deleteOne(eq("_id", rsvpId)).getDeletedCount() == 1;
    }

    /** Pending RSVPs last asked for before {@code cutoff}: nobody confirmed them, and no link can now. */
    long deletePendingBefore(Instant cutoff) {
        return rsvps.deleteMany(and(eq("status", Status.PENDING.name()), lt("requestedAt", Date.from(cutoff))))
                .getDeletedCount();
    }

    private static Document toDocument(Rsvp r) {
        return new Document("_id", r.id())
                .append("calendarEventId", r.calendarEventId())
                .append("campaignId", r.campaignId())
                .append("status", r.status().name())
                .append("name", r.name())
                .append("email", r.email())
                .append("emailHash", r.emailHash())
                .append("locale", r.locale())
                .append("consentWording", r.consentWording())
                .append("requestedAt", date(r.requestedAt()))
                .append("confirmedAt", date(r.confirmedAt()))
                .append("cancelledAt", date(r.cancelledAt()))
                .append("revision", r.revision());
    }

    private static Rsvp fromDocument(Document d) {
        return new Rsvp(d.getString("_id"), d.getString("calendarEventId"), d.getString("campaignId"),
                Status.valueOf(d.getString("status")), d.getString("name"), d.getString("email"),
                d.getString("emailHash"), d.getString("locale"), d.getString("consentWording"),
                instant(d.getDate("requestedAt")), instant(d.getDate("confirmedAt")),
                instant(d.getDate("cancelledAt")), d.get("revision") instanceof Number n ? n.longValue() : 0);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
