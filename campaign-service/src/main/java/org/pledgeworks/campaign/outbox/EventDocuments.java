package org.pledgeworks.campaign.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.kit.mongo.Inserts;
import org.pledgeworks.kit.outbox.PendingEvent;

/**
 * The BSON of documents that carry their pending events and count their writes in {@code revision}: a
 * change computed from what was read is written only {@link #atRevision at the revision read}, in one
 * update that also {@link #revisedWith counts the revision up and appends the events it causes}, so the
 * state and its events are written together or not at all, and of racing changes one wins.
 */
public final class EventDocuments {

    /** What reads of such a document need: never the events waiting in it for the relay. */
    public static final Bson WITHOUT_EVENTS = Projections.exclude(PendingEvent.FIELD);

    private EventDocuments() {
    }

    /** The document {@code id}, only while it is still at {@code revision}. */
    public static Bson atRevision(Object id, long revision) {
        return and(eq("_id", id), eq("revision", revision));
    }

    /** {@code change}, the revision one up, and {@code events} (if any) added to the document's pending events. */
    public static Bson revisedWith(Bson change, List<PendingEvent> events) {
        List<Bson> updates = new ArrayList<>(List.of(change, Updates.inc("revision", 1)));
        if (!events.isEmpty()) {
            updates.add(Updates.pushEach(PendingEvent.FIELD, events.stream().map(PendingEvent::toDocument).toList()));
        }
        return Updates.combine(updates);
    }

    /** Sets every field of {@code after} but its id and revision (which {@link #revisedWith} counts up). */
    public static Bson setAll(Document after) {
        List<Bson> changes = new ArrayList<>();
        after.forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("revision")) {
                changes.add(Updates.set(field, value));
            }
        });
        return Updates.combine(changes);
    }

    /**
     * Inserts {@code document} with {@code events} waiting in it.
     *
     * @return false when a document of that id exists already (a race of two first writes of one id)
     */
    public static boolean insert(MongoCollection<Document> collection, Document document, List<PendingEvent> events) {
        return Inserts.insertIfAbsent(collection, document.append(PendingEvent.FIELD,
                events.stream().map(PendingEvent::toDocument).toList()));
    }
}
