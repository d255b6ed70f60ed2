package org.pledgeworks.notification.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.pledgeworks.kit.tracing.TraceParent;
import org.pledgeworks.notification.mail.Mail;

/**
 * A delivery as the sender works on it.
 *
 * @param claim the token of whoever holds it while it is {@code sending}; every later write checks it,
 *              so a sender whose claim was released (it was too slow) cannot overwrite the new owner
 * @param mail  the rendered mail; null when it is stored without (a bulk mail read back from the queue,
 *              rendered again from its message and {@code addressee} before it is sent) or was erased
 * @param traceId the trace of the request that caused the mail (the pledge's HTTP request, through the
 *              gateway, the services and Kafka), so a mail can be followed back to it; null when none was current
 * @param sealedLinks values in {@code mail} that are sealed links, opened only as it is sent; stored with the
 *              content and dropped with it
 */
record Delivery(
        String id,
        String kind,
        String aggregateId,
        Mail mail,
        String messageId,
        DeliveryStatus status,
        int attempts,
        Instant expiresAt,
        Instant causedAt,
        String claim,
        boolean bulk,
        String messageRef,
        String recipientId,
        Addressee addressee,
        String traceId,
        List<String> sealedLinks) {

    /** Called on the thread that handles the causing event, whose span is the trace the delivery keeps. */
    static Delivery claimedNew(DeliveryRequest request, String messageId, String claim) {
        return new Delivery(request.id(), request.kind(), request.aggregateId(), request.mail(), messageId,
                DeliveryStatus.SENDING, 0, request.expiresAt(), request.causedAt(), claim, request.bulk(),
                request.messageRef(), request.recipientId(), request.messageRef() == null ? null : request.addressee(),
                TraceParent.currentTraceId(), request.sealedLinks());
    }

    Delivery withMail(Mail rendered) {
        return new Delivery(id, kind, aggregateId, rendered, messageId, status, attempts, expiresAt, causedAt, claim,
                bulk, messageRef, recipientId, addressee, traceId, sealedLinks);
    }

    /**
     * A new delivery is written already claimed, so it has no due time: the retrier's sparse
     * {@code nextAttemptAt} index then holds only what waits in the queue, not every mail in flight.
     */
    Document toNewDocument(Instant now) {
        Document document = new Document("_id", id)
                .append("kind", kind)
                .append("aggregateId", aggregateId)
                .append("messageId", messageId)
                .append("to", mail.to());
        if (addressee != null) {
            document.append("name", addressee.name()).append("locale", addressee.locale());
        }
        else {
            Document content = new Document("subject", mail.subject())
                    .append("text", mail.text())
                    .append("html", mail.html());
            if (!mail.headers().isEmpty()) {
                content.append("headers", new Document(new LinkedHashMap<>(mail.headers())));
            }
            if (!sealedLinks.isEmpty()) {
                content.append("sealedLinks", sealedLinks);
            }
            document.append("content", content);
        }
        return document
                .append("status", status.name())
                .append("attempts", attempts)
                .append("createdAt", Date.from(now))
                .append("expiresAt", expiresAt == null ? null : Date.from(expiresAt))
                .append("causedAt", causedAt == null ? null : Date.from(causedAt))
                .append("claim", claim)
                .append("claimedAt", Date.from(now))
                .append("bulk", bulk)
                .append("messageRef", messageRef)
                .append("recipientId", recipientId)
                .append("traceId", traceId);
    }

    static Delivery fromDocument(Document d) {
        Document content = d.get("content", Document.class);
        Mail mail = null;
        if (content != null) {
            Map<String, String> headers = new LinkedHashMap<>();
            Document stored = content.get("headers", Document.class);
            if (stored != null) {
                stored.forEach((k, v) -> headers.put(k, String.valueOf(v)));
            }
            mail = new Mail(d.getString("to"), content.getString("subject"), content.getString("text"),
                    content.getString("html"), headers);
        }
        // stored without content: rendered again before sending (never after erasure, which removes the address)
        Addressee addressee = content == null && d.getString("to") != null && d.getString("messageRef") != null
                ? new Addressee(d.getString("to"), d.getString("name"), d.getString("locale")) : null;
        return new Delivery(d.getString("_id"), d.getString("kind"), d.getString("aggregateId"), mail,
                d.getString("messageId"), DeliveryStatus.valueOf(d.getString("status")),
                d.getInteger("attempts", 0), instant(d, "expiresAt"), instant(d, "causedAt"), d.getString("claim"),
                d.getBoolean("bulk", false), d.getString("messageRef"), d.getString("recipientId"), addressee,
                d.getString("traceId"),
                content == null ? List.of() : content.getList("sealedLinks", String.class, List.of()));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
