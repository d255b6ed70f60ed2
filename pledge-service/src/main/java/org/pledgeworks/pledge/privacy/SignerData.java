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
import org.pledgeworks.pledge.signatures.PersonalData;
import org.pledgeworks.pledge.signatures.Signature;
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
        Optional<Signature> latest = signatures.byEmailKey(emailKey).stream().findFirst();
        if (latest.isEmpty() || !abuse.allow("data:" + hashes.emailHash(emailKey), 3)) {
            return;
        }
        Instant now = clock.instant();
        String requestId = UUID.randomUUID().toString();
        SignerDataRequested requested = new SignerDataRequested(UUID.randomUUID(), now, typedEmail,
                locale != null ? locale : latest.get().signer().locale(), links.export(requestId, now),
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
                signatures.byEmailKey(emailKey).forEach(s -> held.add(exported(s)));
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
            signatures.byEmailKey(emailKey).forEach(s -> {
                signatureIds.add(s.id());
                if (!campaignIds.contains(s.campaignId())) {
                    campaignIds.add(s.campaignId());
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
        Instant erasedAt = erasure.getDate("at").toInstant();
        for (String signatureId : erasure.getList("signatureIds", String.class, List.of())) {
            signatures.change(signatureId, s -> s.erase(erasedAt));
        }
        log.info("Signer data erased: request {}, {} signatures", requestId,
                erasure.getList("signatureIds", String.class, List.of()).size());
        return true;
    }

    /** A signature as its signer sees it in the export: what it holds, no internals. */
    private static Map<String, Object> exported(Signature s) {
        Map<String, Object> signature = new LinkedHashMap<>();
        PersonalData signer = s.signer();
        signature.put("signatureId", s.id());
        signature.put("campaignId", s.campaignId());
        signature.put("campaignSlug", s.campaignSlug());
        if (signer != null) {
            signature.put("name", signer.name());
            signature.put("email", signer.email());
        }
        signature.put("country", s.country());
        if (signer != null) {
            signature.put("postalCode", signer.postalCode());
            signature.put("locale", signer.locale());
            signature.put("consentToUpdates", signer.consentToUpdates());
        }
        signature.put("consentWording", s.consentWording());
        signature.put("pledgeTextVersion", s.pledgeTextVersion());
        signature.put("status", s.status().name());
        signature.put("review", s.review() == null ? null : s.review().state().name());
        if (signer != null && !signer.source().isEmpty()) {
            signature.put("source", signer.source());
        }
        signature.put("ipHash", signer == null ? null : signer.ipHash());
        signature.put("createdAt", s.createdAt());
        signature.put("verifiedAt", s.verifiedAt());
        signature.put("withdrawnAt", s.withdrawnAt());
        signature.values().removeIf(java.util.Objects::isNull);
        return signature;
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
