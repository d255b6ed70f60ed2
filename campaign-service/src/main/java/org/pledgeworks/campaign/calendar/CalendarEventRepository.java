package org.pledgeworks.campaign.calendar;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import java.time.Instant;
import java.time.LocalDateTime;
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
import org.pledgeworks.campaign.calendar.CalendarEvent.Details;
import org.pledgeworks.campaign.calendar.CalendarEvent.Status;
import org.pledgeworks.campaign.calendar.CalendarEvent.Venue;
import org.pledgeworks.campaign.outbox.EventDocuments;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * Where calendar events are stored, and the only place that knows their BSON shape. The local times and
 * zone are what staff wrote and what is shown; beside them it keeps the instants they stand for
 * ({@code startsAtUtc}, {@code endsAtUtc}), which the public lists sort and split into upcoming and past
 * by. They are derived with the zone rules of the day they are written.
 */
@Repository
class CalendarEventRepository {

    static final String COLLECTION = "calendar-events";
    /** What the public sees: published and cancelled events (cancelled ones marked so), never drafts. */
    private static final List<String> PUBLIC = List.of(Status.PUBLISHED.name(), Status.CANCELLED.name());

    private final MongoCollection<Document> events;

    CalendarEventRepository(MongoDatabase database) {
        this.events = database.getCollection(COLLECTION);
        events.createIndex(Indexes.ascending("campaignId", "status", "endsAtUtc"));
        events.createIndex(Indexes.ascending("status", "startsAtUtc"));
    }

    void insert(CalendarEvent event) {
        events.insertOne(toDocument(event));
    }

    Optional<CalendarEvent> find(String id) {
        return Optional.ofNullable(events.find(eq("_id", id)).projection(EventDocuments.WITHOUT_EVENTS).first())
                .map(CalendarEventRepository::fromDocument);
    }

    /**
     * Writes {@code after} and its events in one write, if the stored event is still at the revision
     * {@code after} was computed from; of racing changes one wins.
     *
     * @return false when someone else changed it since
     */
    boolean changeIfUnchanged(CalendarEvent after, List<PendingEvent> pending) {
        return events.updateOne(EventDocuments.atRevision(after.id(), after.revision()),
                EventDocuments.revisedWith(EventDocuments.setAll(toDocument(after)), pending)).getModifiedCount() == 1;
    }

    /** Every event of the campaign, soonest first, drafts included, for its staff. */
    List<CalendarEvent> forCampaign(String campaignId, int limit) {
        return events.find(eq("campaignId", campaignId)).projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.orderBy(Sorts.ascending("startsAtUtc"), Sorts.ascending("_id"))).limit(limit)
                .batchSize(limit).map(CalendarEventRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * A page of the public list. Upcoming: not yet over (an event under way still counts), soonest first;
     * past: over, latest first.
     */
    List<CalendarEvent> publicPage(String campaignId, boolean past, Instant now, int page, int size) {
        Bson order = past ? Sorts.orderBy(Sorts.descending("startsAtUtc"), Sorts.ascending("_id"))
                : Sorts.orderBy(Sorts.ascending("startsAtUtc"), Sorts.ascending("_id"));
        return events.find(publicMatching(campaignId, past, now)).projection(EventDocuments.WITHOUT_EVENTS)
                .sort(order).skip(page * size).limit(size).batchSize(size)
                .map(CalendarEventRepository::fromDocument).into(new ArrayList<>());
    }

    long countPublic(String campaignId, boolean past, Instant now) {
        return events.countDocuments(publicMatching(campaignId, past, now));
    }

    /** What a calendar subscription carries: public events that end after {@code since}, soonest first. */
    List<CalendarEvent> forSubscription(String campaignId, Instant since, int limit) {
        return events.find(and(eq("campaignId", campaignId), in("status", PUBLIC), gt("endsAtUtc", Date.from(since))))
                .projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.orderBy(Sorts.ascending("startsAtUtc"), Sorts.ascending("_id"))).limit(limit)
                .batchSize(limit).map(CalendarEventRepository::fromDocument).into(new ArrayList<>());
    }

    /** Published events starting in ({@code from}, {@code to}], soonest first: those a reminder is due for. */
    List<CalendarEvent> publishedStartingBetween(Instant from, Instant to, int limit) {
        return events.find(and(eq("status", Status.PUBLISHED.name()), gt("startsAtUtc", Date.from(from)),
                        lte("startsAtUtc", Date.from(to))))
                .projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.orderBy(Sorts.ascending("startsAtUtc"), Sorts.ascending("_id"))).limit(limit)
                .batchSize(limit).map(CalendarEventRepository::fromDocument).into(new ArrayList<>());
    }

    private static Bson publicMatching(String campaignId, boolean past, Instant now) {
        Date at = Date.from(now);
        return and(eq("campaignId", campaignId), in("status", PUBLIC),
                past ? lte("endsAtUtc", at) : gt("endsAtUtc", at));
    }

    private static Document toDocument(CalendarEvent e) {
        Details d = e.details();
        Document place = d.place() == null ? null : new Document("name", d.place().name())
                .append("address", d.place().address()).append("city", d.place().city())
                .append("countryCode", d.place().countryCode());
        return new Document("_id", e.id())
                .append("campaignId", e.campaignId())
                .append("organisingOrganisation", e.organisingOrganisation())
                .append("status", e.status().name())
                .append("title", d.title())
                .append("description", d.description())
                .append("startsAt", d.startsAt().toString())
                .append("endsAt", d.endsAt().toString())
                .append("timeZone", d.timeZone())
                .append("startsAtUtc", Date.from(d.startsAtInstant()))
                .append("endsAtUtc", Date.from(d.endsAtInstant()))
                .append("place", place)
                .append("onlineUrl", d.onlineUrl())
                .append("capacity", d.capacity())
                .append("createdAt", date(e.createdAt()))
                .append("createdBy", e.createdBy())
                .append("publishedAt", date(e.publishedAt()))
                .append("cancelledAt", date(e.cancelledAt()))
                .append("sequence", e.sequence())
                .append("revision", e.revision());
    }

    private static CalendarEvent fromDocument(Document d) {
        Document place = d.get("place", Document.class);
        Details details = new Details(d.getString("title"), d.getString("description"),
                LocalDateTime.parse(d.getString("startsAt")), LocalDateTime.parse(d.getString("endsAt")),
                d.getString("timeZone"),
                place == null ? null : new Venue(place.getString("name"), place.getString("address"),
                        place.getString("city"), place.getString("countryCode")),
                d.getString("onlineUrl"), d.get("capacity") instanceof Number n ? n.intValue() : null);
        return new CalendarEvent(d.getString("_id"), d.getString("campaignId"), d.getString("organisingOrganisation"),
                Status.valueOf(d.getString("status")), details, instant(d.getDate("createdAt")),
                d.getString("createdBy"), instant(d.getDate("publishedAt")), instant(d.getDate("cancelledAt")),
                d.get("sequence") instanceof Number n ? n.longValue() : 0,
                d.get("revision") instanceof Number n ? n.longValue() : 0);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
