package org.pledgeworks.campaign.opportunities;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.opportunities.Opportunity.Contact;
import org.pledgeworks.campaign.opportunities.Opportunity.Details;
import org.pledgeworks.campaign.opportunities.Opportunity.Place;
import org.pledgeworks.campaign.opportunities.Opportunity.Status;
import org.pledgeworks.campaign.outbox.EventDocuments;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * Where opportunities are stored, and the only place that knows their BSON shape. Beside what staff
 * wrote it keeps the lower-cased city and skills the public filters match on, since the embedded
 * database has no collation.
 */
@Repository
class OpportunityRepository {

    static final String COLLECTION = "opportunities";

    private final MongoCollection<Document> opportunities;

    OpportunityRepository(MongoDatabase database) {
        this.opportunities = database.getCollection(COLLECTION);
        opportunities.createIndex(Indexes.ascending("campaignId", "status", "publishedAt"));
    }

    void insert(Opportunity opportunity) {
        opportunities.insertOne(toDocument(opportunity));
    }

    Optional<Opportunity> find(String opportunityId) {
        return Optional.ofNullable(opportunities.find(eq("_id", opportunityId))
                .projection(EventDocuments.WITHOUT_EVENTS).first()).map(OpportunityRepository::fromDocument);
    }

    /**
     * Writes {@code after} and its events in one write, if the stored opportunity is still at the
     * revision {@code after} was computed from; of racing changes one wins.
     *
     * @return false when someone else changed it since
     */
    boolean changeIfUnchanged(Opportunity after, List<PendingEvent> events) {
        List<Bson> changes = new ArrayList<>();
        toDocument(after).forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("revision")) {
                changes.add(Updates.set(field, value));
            }
        });
        return opportunities.updateOne(EventDocuments.atRevision(after.id(), after.revision()),
                EventDocuments.revisedWith(Updates.combine(changes), events)).getModifiedCount() == 1;
    }

    /** Every opportunity of the campaign, newest first, for its staff. */
    List<Opportunity> forCampaign(String campaignId, int limit) {
        return opportunities.find(eq("campaignId", campaignId)).projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.descending("createdAt")).limit(limit).batchSize(limit)
                .map(OpportunityRepository::fromDocument).into(new ArrayList<>());
    }

    List<Opportunity> published(String campaignId, OpportunityFilter filter, int page, int size) {
        return opportunities.find(publishedMatching(campaignId, filter)).projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.orderBy(Sorts.descending("publishedAt"), Sorts.ascending("_id")))
                .skip(page * size).limit(size).batchSize(size)
                .map(OpportunityRepository::fromDocument).into(new ArrayList<>());
    }

    long countPublished(String campaignId, OpportunityFilter filter) {
        return opportunities.countDocuments(publishedMatching(campaignId, filter));
    }

    private static Bson publishedMatching(String campaignId, OpportunityFilter filter) {
        List<Bson> conditions = new ArrayList<>(List.of(eq("campaignId", campaignId),
                eq("status", Status.PUBLISHED.name())));
        if (filter.countryCode() != null) {
            conditions.add(eq("place.countryCode", filter.countryCode().toUpperCase(Locale.ROOT)));
        }
        if (filter.city() != null) {
            conditions.add(eq("cityKey", key(filter.city())));
        }
        if (filter.remote() != null) {
            conditions.add(eq("remote", filter.remote()));
        }
        if (filter.skill() != null) {
            // matches any element of the array
            conditions.add(eq("skillKeys", key(filter.skill())));
        }
        return and(conditions);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static Document toDocument(Opportunity o) {
        Details d = o.details();
        Document place = d.place() == null ? null : new Document("address", d.place().address())
                .append("city", d.place().city()).append("countryCode", d.place().countryCode());
        return new Document("_id", o.id())
                .append("campaignId", o.campaignId())
                .append("postingOrganisation", o.postingOrganisation())
                .append("status", o.status().name())
                .append("title", d.title())
                .append("description", d.description())
                .append("skills", d.skills())
                .append("skillKeys", d.skills().stream().map(OpportunityRepository::key).toList())
                .append("timeCommitment", d.timeCommitment())
                .append("remote", d.remote())
                .append("place", place)
                .append("cityKey", d.place() == null ? null : key(d.place().city()))
                .append("startsAt", date(d.startsAt()))
                .append("endsAt", date(d.endsAt()))
                .append("peopleWanted", d.peopleWanted())
                .append("contact", new Document("email", d.contact().email()).append("url", d.contact().url()))
                .append("createdAt", date(o.createdAt()))
                .append("createdBy", o.createdBy())
                .append("publishedAt", date(o.publishedAt()))
                .append("closedAt", date(o.closedAt()))
                .append("revision", o.revision());
    }

    private static Opportunity fromDocument(Document d) {
        Document place = d.get("place", Document.class);
        Document contact = d.get("contact", Document.class);
        Details details = new Details(d.getString("title"), d.getString("description"),
                d.getList("skills", String.class, List.of()), d.getString("timeCommitment"),
                Boolean.TRUE.equals(d.getBoolean("remote")),
                place == null ? null : new Place(place.getString("address"), place.getString("city"),
                        place.getString("countryCode")),
                instant(d.getDate("startsAt")), instant(d.getDate("endsAt")),
                d.get("peopleWanted") instanceof Number n ? n.intValue() : 0,
                new Contact(contact.getString("email"), contact.getString("url")));
        return new Opportunity(d.getString("_id"), d.getString("campaignId"), d.getString("postingOrganisation"),
                Status.valueOf(d.getString("status")), details, instant(d.getDate("createdAt")),
                d.getString("createdBy"), instant(d.getDate("publishedAt")), instant(d.getDate("closedAt")),
                d.get("revision") instanceof Number n ? n.longValue() : 0);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
