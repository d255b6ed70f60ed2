package org.pledgeworks.notification.delivery;

import java.time.Instant;
import java.util.List;

import org.pledgeworks.notification.mail.Mail;

/**
 * What a feature asks to have delivered.
 *
 * @param id          deterministic: the causing event's id and the kind, e.g. {@code <ce_id>:verification},
 *                    or a bulk message and its recipient, {@code <message>:<recipient>}; a second request
 *                    with the same id sends nothing
 * @param kind        which mail this is (a metrics tag), e.g. {@code verification}
 * @param aggregateId what the mail is about, e.g. the signature id, so it can be found for erasure
 * @param mail        rendered, ready to compose
 * @param expiresAt   after this sending is pointless (the link in it has expired); null for never
 * @param causedAt    when the event that asked for it happened, to measure the time to hand-over; may be null
 * @param bulk        bulk mail (updates, milestones): goes through the bulk transport, and is never sent
 *                    to a suppressed address
 * @param messageRef  the bulk message this delivery is one recipient of (its delivery stats); null otherwise
 * @param recipientId the keyed hash of the recipient's address (the subscriber id); null when not known
 * @param addressee   for bulk mail that can be rendered again from its message ({@link ContentRenderer}): the
 *                    delivery is stored without the rendered content; null to store the content
 * @param sealedLinks values in {@code mail} that are sealed links ({@code SealedLinks}): stored as they are,
 *                    opened only by the sender as it hands the mail over; empty for a mail without one
 */
public record DeliveryRequest(String id, String kind, String aggregateId, Mail mail, Instant expiresAt,
        Instant causedAt, boolean bulk, String messageRef, String recipientId, Addressee addressee,
        List<String> sealedLinks) {

    public DeliveryRequest {
        sealedLinks = sealedLinks == null ? List.of() : List.copyOf(sealedLinks);
    }

    public DeliveryRequest(String id, String kind, String aggregateId, Mail mail, Instant expiresAt,
            Instant causedAt, boolean bulk, String messageRef, String recipientId, Addressee addressee) {
        this(id, kind, aggregateId, mail, expiresAt, causedAt, bulk, messageRef, recipientId, addressee, List.of());
    }

    /** Stored with its content. */
    public DeliveryRequest(String id, String kind, String aggregateId, Mail mail, Instant expiresAt, Instant causedAt,
            boolean bulk, String messageRef, String recipientId) {
        this(id, kind, aggregateId, mail, expiresAt, causedAt, bulk, messageRef, recipientId, null);
    }

    /** A transactional mail. */
    public DeliveryRequest(String id, String kind, String aggregateId, Mail mail, Instant expiresAt, Instant causedAt) {
        this(id, kind, aggregateId, mail, expiresAt, causedAt, false, null, null, null);
    }
}
