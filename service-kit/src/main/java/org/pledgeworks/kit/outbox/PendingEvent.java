package org.pledgeworks.kit.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

/**
 * An event waiting in its aggregate's document to be published: the state change and the events it
 * causes are written in one single-document write, so neither exists without the other.
 *
 * @param eventId   also the CloudEvents {@code ce_id}, so consumers can drop duplicates
 * @param type      the logical type on the wire, e.g. {@code campaign-published.v1}
 * @param topic     where it goes
 * @param key       the aggregate id, so one aggregate's events stay in order
 * @param payload   the event as JSON
 * @param createdAt when it was written, so the sweep leaves fresh events to the publish that follows
 *                  every write
 * @param traceparent the W3C trace context of the request that caused it, so its consumers continue that
 *                  trace however much later and from whichever thread it is relayed; null when none was
 *                  current (or it was stored before events carried one)
 */
public record PendingEvent(UUID eventId, String type, String topic, String key, String payload, Instant createdAt,
        String traceparent) {

    /** The array of a document that holds its pending events. */
    public static final String FIELD = "pendingEvents";

    /** An event with no trace to continue. */
    public PendingEvent(UUID eventId, String type, String topic, String key, String payload, Instant createdAt) {
        this(eventId, type, topic, key, payload, createdAt, null);
    }

    public Document toDocument() {
        Document document = new Document("eventId", eventId.toString())
                .append("type", type)
                .append("topic", topic)
                .append("key", key)
                .append("payload", payload)
                .append("createdAt", Date.from(createdAt));
        if (traceparent != null) {
            document.append("traceparent", traceparent);
        }
        return document;
    }

    public static PendingEvent fromDocument(Document d) {
        return new PendingEvent(UUID.fromString(d.getString("eventId")), d.getString("type"),
                d.getString("topic"), d.getString("key"), d.getString("payload"),
                d.getDate("createdAt").toInstant(), d.getString("traceparent"));
    }
}
