package org.pledgeworks.pledge.privacy;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.pledgeworks.pledge.abuse.AbuseScreen;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.pledge.signatures.EmailAddresses;
import org.pledgeworks.pledge.links.SignerLinks;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.pledgeworks.pledge.system.PrivacyHashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Data requests, one document each in {@code dataRequests}: {@code _id} (random, what the links
 * sign), {@code emailKey}, {@code createdAt}, {@code expiresAt}, the {@code erasure} once done, and
 * the outbox. Links carry only the request id, never the address.
 */
@Service
class SignerData {

    static final String COLLECTION = "dataRequests";
    /** What erasure removes from a signature; what stays is anonymous: campaign, country, status, dates. */
    private static final List<String> PERSONAL = List.of("name", "email", "emailDomain", "postalCode", "ipHash",
            "source", "locale", "consentToUpdates");
    private static final Logger log = LoggerFactory.getLogger(SignerData.class);

    private final MongoCollection<Document> requests;
    private final Signatures signatures;
    private final SignerLinks links;
    private final PrivacyHashes hashes;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final AbuseScreen abuse;
    private final PledgeServiceProperties properties;
    private final Clock clock;

    SignerData(MongoDatabase database, Signatures signatures, SignerLinks links, PrivacyHashes hashes,
            EventSerializer events, OutboxRelay relay, AbuseScreen abuse, PledgeServiceProperties properties,
            Clock clock) {
        this.requests = database.getCollection(COLLECTION);
        this.signatures = signatures;
        this.links = links;
        this.hashes = hashes;
        this.events = events;
        this.relay = relay;
        this.abuse = abuse;
        this.properties = properties;
        this.clock = clock;
        try {
            requests.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        }
        catch (RuntimeException e) {
            log.info("TTL index on dataRequests.expiresAt not created; the scheduled purge removes them");
        }
    }

    /**
     * Mails the links if we hold anything for this address; nothing otherwise, and the caller answers
     * the same either way. At most 3 requests per address and hour.
     */
    void request(String typedEmail, String locale) {
        String emailKey = EmailAddresses.normalise(typedEmail);
        Document latest = signatures.collection().find(eq("emailKey", emailKey))
                .sort(new Document("createdAt", -1)).first();
        if (latest == null || !abuse.allow("data:" + hashes.emailHash(emailKey), 3)) {
            return;
        }
        Instant now = clock.instant();
        String requestId = UUID.randomUUID().toString();
        SignerDataRequested requested = new SignerDataRequested(UUID.randomUUID(), now, typedEmail,
                locale != null ? locale : latest.getString("locale"), links.export(requestId, now),
                links.erase(requestId, now));
        List<PendingEvent> caused = List.of(events.pending("pledges", SignerDataRequested.TYPE,
                hashes.emailHash(emailKey), requested.eventId(), requested));
        requests.insertOne(new Document("_id", requestId)
                .append("emailKey", emailKey)
                .append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(properties.links().dataValidity())))
                .append("pendingEvents", caused.stream().map(PendingEvent::toDocument).toList()));
        relay.publish(COLLECTION, requestId, caused);
    }

    /** Everything held about the requester, or empty for an invalid or expired link. */
    Optional<Map<String, Object>> export(String token) {
        return byLink(SignerLinks.EXPORT, token).map(request -> {
            String emailKey = request.getString("emailKey");
            List<Map<String, Object>> held = new ArrayList<>();
            if (emailKey != null) {
                signatures.collection().find(eq("emailKey", emailKey)).batchSize(100).forEach(s -> {
                    Map<String, Object> signature = new LinkedHashMap<>();
                    for (String field : List.of("_id", "campaignId", "campaignSlug", "name", "email", "country",
                            "postalCode", "locale", "consentToUpdates", "consentWording", "pledgeTextVersion", "status", "review",
                            "source", "ipHash", "createdAt", "verifiedAt", "withdrawnAt")) {
                        Object value = s.get(field);
                        if (value instanceof Date date) {
                            value = date.toInstant();
                        }
                        if (value != null) {
                            signature.put(field.equals("_id") ? "signatureId" : field, value);
                        }
                    }
                    held.add(signature);
                });
            }
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("identity", emailKey);
            export.put("exportedAt", clock.instant());
            export.put("signatures", held);
            export.put("notes", "ipHash is a keyed hash of the network address you signed from; we do not keep "
                    + "the address itself.");
            return export;
        });
    }

    /** @return whether the link was valid (also when it had been used already: erasure is idempotent) */
    boolean checkErase(String token) {
        return byLink(SignerLinks.ERASE, token).isPresent();
    }

    boolean erase(String token) {
        Optional<Document> found = byLink(SignerLinks.ERASE, token);
        if (found.isEmpty()) {
            return false;
        }
        Document request = found.get();
        String requestId = request.getString("_id");
        Document erasure = request.get("erasure", Document.class);
        if (erasure == null) {
            // first the record of what to erase, with its event, in one write; then the signatures one by one
            Instant now = clock.instant();
            String emailKey = request.getString("emailKey");
            List<String> signatureIds = new ArrayList<>();
            List<String> campaignIds = new ArrayList<>();
            signatures.collection().find(eq("emailKey", emailKey)).batchSize(100).forEach(s -> {
                signatureIds.add(s.getString("_id"));
                if (!campaignIds.contains(s.getString("campaignId"))) {
                    campaignIds.add(s.getString("campaignId"));
                }
            });
            SignerErased erased = new SignerErased(UUID.randomUUID(), now, UUID.randomUUID().toString(), emailKey,
                    signatureIds, campaignIds);
            PendingEvent event = events.pending("pledges", SignerErased.TYPE, hashes.emailHash(emailKey),
                    erased.eventId(), erased);
            erasure = new Document("erasureId", erased.erasureId()).append("signatureIds", signatureIds)
                    .append("at", Date.from(now));
            Document after = requests.findOneAndUpdate(
                    Filters.and(eq("_id", requestId), Filters.exists("erasure", false)),
                    Updates.combine(Updates.set("erasure", erasure), Updates.unset("emailKey"),
                            Updates.push("pendingEvents", event.toDocument())));
            if (after != null) {
                relay.publish(COLLECTION, requestId, List.of(event));
            }
            else {
                erasure = requests.find(eq("_id", requestId)).first().get("erasure", Document.class);
            }
        }
        Date erasedAt = erasure.getDate("at");
        for (String signatureId : erasure.getList("signatureIds", String.class, List.of())) {
            List<org.bson.conversions.Bson> updates = new ArrayList<>();
            PERSONAL.forEach(field -> updates.add(Updates.unset(field)));
            // unique per (campaign, emailKey): a placeholder, not a missing field, so erased records never collide
            updates.add(Updates.set("emailKey", "erased:" + signatureId));
            updates.add(Updates.set("erasedAt", erasedAt));
            signatures.collection().updateOne(Filters.and(eq("_id", signatureId), Filters.exists("erasedAt", false)),
                    Updates.combine(updates));
        }
        log.info("Signer data erased: request {}, {} signatures", requestId,
                erasure.getList("signatureIds", String.class, List.of()).size());
        return true;
    }

    private Optional<Document> byLink(String purpose, String token) {
        return links.check(purpose, token, clock.instant())
                .flatMap(id -> Optional.ofNullable(requests.find(eq("_id", id)).first()));
    }

    @Scheduled(fixedDelayString = "${pledgeworks.purge.interval}")
    void purgeExpired() {
        long deleted = requests.deleteMany(Filters.and(Filters.lt("expiresAt", Date.from(clock.instant())),
                Filters.size("pendingEvents", 0))).getDeletedCount();
        if (deleted > 0) {
            log.info("Purged {} expired data requests", deleted);
        }
    }
}
