package org.pledgeworks.pledge.export;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

/**
 * Announces each export as {@code signers-exported.v1}, for campaign-service's audit log of the campaign's
 * organisations. Through the outbox: one {@code signerExports} document per export, written with its pending
 * event, so an export whose event the broker missed is announced by the sweep. The document holds what the
 * event does (who, which campaign, how many rows), no signer.
 */
@Service
class SignerExports {

    static final String COLLECTION = "signerExports";

    private static final Logger log = LoggerFactory.getLogger(SignerExports.class);

    private final MongoCollection<Document> exports;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final Clock clock;

    SignerExports(MongoDatabase database, EventSerializer events, OutboxRelay relay, Clock clock) {
        this.exports = database.getCollection(COLLECTION);
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Called once the response is written or abandoned; the export has happened either way, so a failure
     * here is logged (with the audit line the controller writes) rather than thrown at a finished response.
     */
    void exported(String campaignId, Jwt staff, long rows, boolean complete) {
        try {
            Instant now = clock.instant();
            String name = staff.getClaimAsString("name");
            SignersExported exported = new SignersExported(UUID.randomUUID(), now, campaignId,
                    new SignersExported.Actor(staff.getSubject(), name == null || name.isBlank() ? null : name), rows,
                    "csv", complete);
            List<PendingEvent> caused = List.of(events.pending("pledges", SignersExported.TYPE, campaignId,
                    exported.eventId(), exported));
            String id = exported.eventId().toString();
            exports.insertOne(new Document("_id", id).append("campaignId", campaignId)
                    .append("staff", staff.getSubject()).append("rows", rows).append("complete", complete)
                    .append("at", Date.from(now))
                    .append(PendingEvent.FIELD, caused.stream().map(PendingEvent::toDocument).toList()));
            relay.publish(COLLECTION, id, caused);
        }
        catch (RuntimeException e) {
            log.error("Signer export of campaign {} by staff {} not announced to the audit log", campaignId,
                    staff.getSubject(), e);
        }
    }
}
