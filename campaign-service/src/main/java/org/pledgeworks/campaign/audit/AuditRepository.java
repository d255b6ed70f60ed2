package org.pledgeworks.campaign.audit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.campaign.audit.AuditEntry.Actor;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.kit.mongo.Inserts;

import org.springframework.stereotype.Repository;

/**
 * {@code audit-entries}: one document per entry, {@code organisations} listing whose log it is in; read newest
 * first by ({@code at}, {@code _id}), which is also the cursor of a page.
 */
@Repository
class AuditRepository {

    static final String COLLECTION = "audit-entries";

    private final MongoCollection<Document> entries;

    AuditRepository(MongoDatabase database) {
        this.entries = database.getCollection(COLLECTION);
        entries.createIndex(Indexes.compoundIndex(Indexes.ascending("organisations"), Indexes.descending("at", "_id")));
        entries.createIndex(Indexes.ascending("at"));
    }

    /** @return false when an entry with this id exists (a redelivered event) */
    boolean insert(AuditEntry entry) {
        return Inserts.insertIfAbsent(entries, toDocument(entry));
    }

    /**
     * @param before the last entry of the previous page, or null for the newest
     * @param action only this action, or null for all
     */
    List<AuditEntry> page(String organisation, AuditCursor before, AuditAction action, int limit) {
        List<Bson> filters = new ArrayList<>(List.of(eq("organisations", organisation)));
        if (action != null) {
            filters.add(eq("action", action.wireName()));
        }
        if (before != null) {
            Date at = Date.from(before.at());
            filters.add(or(lt("at", at), and(eq("at", at), lt("_id", before.id()))));
        }
        List<AuditEntry> page = new ArrayList<>();
        entries.find(and(filters)).sort(Sorts.descending("at", "_id")).limit(limit)
                .forEach(d -> page.add(fromDocument(d)));
        return page;
    }

    /** @return how many entries older than {@code cutoff} it deleted */
    long deleteOlderThan(Instant cutoff) {
        return entries.deleteMany(lt("at", Date.from(cutoff))).getDeletedCount();
    }

    private static Document toDocument(AuditEntry e) {
        return new Document("_id", e.id()).append("organisations", e.organisations()).append("at", Date.from(e.at()))
                .append("actor", new Document("id", e.actor().id()).append("name", e.actor().name()))
                .append("action", e.action().wireName())
                .append("subject", new Document("type", e.subject().type()).append("id", e.subject().id())
                        .append("label", e.subject().label()))
                .append("details", new Document(e.details()));
    }

    private static AuditEntry fromDocument(Document d) {
        Document actor = d.get("actor", Document.class);
        Document subject = d.get("subject", Document.class);
        Map<String, String> details = new LinkedHashMap<>();
        d.get("details", new Document()).forEach((k, v) -> details.put(k, String.valueOf(v)));
        return new AuditEntry(d.getString("_id"), d.getList("organisations", String.class),
                d.getDate("at").toInstant(), new Actor(actor.getString("id"), actor.getString("name")),
                AuditAction.parse(d.getString("action")).orElseThrow(),
                new Subject(subject.getString("type"), subject.getString("id"), subject.getString("label")), details);
    }
}
