package org.pledgeworks.campaign.organisations;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import org.pledgeworks.campaign.outbox.EventDocuments;
import org.pledgeworks.kit.mongo.Inserts;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Repository;

/**
 * Where organisations are stored, and the only place that knows their BSON shape. Beside the profile it
 * keeps the lower-cased name the directory sorts by, since the embedded database has no collation.
 */
@Repository
class OrganisationRepository {

    static final String COLLECTION = "organisations";

    private final MongoCollection<Document> organisations;

    OrganisationRepository(MongoDatabase database) {
        this.organisations = database.getCollection(COLLECTION);
        // the directory's order; the embedded server ignores it, a real MongoDB needs it
        organisations.createIndex(Indexes.ascending("sortName", "_id"));
    }

    /**
     * Stores a new organisation with the events its creation causes, in one write.
     *
     * @return false when the id is taken
     */
    boolean insert(Organisation organisation, String createdBy, List<PendingEvent> events) {
        Document document = toDocument(organisation)
                .append("createdAt", Date.from(organisation.createdAt()))
                .append("createdBy", createdBy)
                .append("revision", organisation.revision())
                .append(PendingEvent.FIELD, events.stream().map(PendingEvent::toDocument).toList());
        return Inserts.insertIfAbsent(organisations, document);
    }

    /**
     * Writes {@code after}'s profile and its events in one write, if the stored organisation is still at
     * the revision {@code after} was computed from; of racing edits one wins.
     *
     * @return false when someone else changed it since
     */
    boolean reviseIfUnchanged(Organisation after, String revisedBy, List<PendingEvent> events) {
        List<Bson> changes = new ArrayList<>();
        toDocument(after).forEach((field, value) -> {
            if (!field.equals("_id")) {
                changes.add(Updates.set(field, value));
            }
        });
        changes.add(Updates.set("revisedBy", revisedBy));
        return organisations.updateOne(EventDocuments.atRevision(after.id(), after.revision()),
                EventDocuments.revisedWith(Updates.combine(changes), events)).getModifiedCount() == 1;
    }

    Optional<Organisation> find(String id) {
        return Optional.ofNullable(organisations.find(eq("_id", id)).projection(EventDocuments.WITHOUT_EVENTS).first())
                .map(OrganisationRepository::fromDocument);
    }

    List<Organisation> findAll(Collection<String> ids) {
        return organisations.find(in("_id", ids)).projection(EventDocuments.WITHOUT_EVENTS)
                .map(OrganisationRepository::fromDocument).into(new ArrayList<>());
    }

    /** A page of the directory, by name regardless of case, then id for a stable order among equal names. */
    List<Organisation> byName(int page, int size) {
        return organisations.find().projection(EventDocuments.WITHOUT_EVENTS)
                .sort(Sorts.ascending("sortName", "_id"))
                .skip(page * size)
                .limit(size)
                .batchSize(size)
                .map(OrganisationRepository::fromDocument).into(new ArrayList<>());
    }

    long count() {
        return organisations.countDocuments();
    }

    private static Document toDocument(Organisation o) {
        Organisation.Profile p = o.profile();
        return new Document("_id", o.id())
                .append("name", p.name())
                .append("sortName", p.name().toLowerCase(Locale.ROOT))
                .append("description", p.description())
                .append("website", p.website())
                .append("logoUrl", p.logoUrl())
                .append("contactEmail", p.contactEmail())
                .append("socialLinks", p.socialLinks())
                .append("kind", p.kind().name())
                .append("revisedAt", Date.from(o.revisedAt()));
    }

    private static Organisation fromDocument(Document d) {
        Organisation.Profile profile = new Organisation.Profile(d.getString("name"), d.getString("description"),
                d.getString("website"), d.getString("logoUrl"), d.getString("contactEmail"),
                d.getList("socialLinks", String.class, List.of()), OrganisationKind.valueOf(d.getString("kind")));
        return new Organisation(d.getString("_id"), profile, instant(d.getDate("createdAt")),
                instant(d.getDate("revisedAt")), d.get("revision") instanceof Number n ? n.longValue() : 0L);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
