package org.pledgeworks.notification.follow;

import static com.mongodb.client.model.Filters.eq;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.pledgeworks.kit.web.InvalidFieldException;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.delivery.DeliveryRequest;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTemplates;
import org.pledgeworks.notification.subscribers.MailLinks;
import org.pledgeworks.notification.subscribers.RecipientErased;
import org.pledgeworks.notification.subscribers.Subscriptions;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.pledgeworks.notification.system.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Pending follow requests ({@code follow_requests}, {@code _id} = follow id) and their confirmation.
 * The follow id is derived from (person, campaign, time window): asking again within the window writes
 * nothing and mails nothing, so the endpoint cannot be used to flood an inbox. Requests expire with
 * their link (a TTL index removes them from a real MongoDB); the consent record is the lasting proof.
 */
@Service
public class Follows {

    static final String TEMPLATE = "follow-confirmation";
    private static final Logger log = LoggerFactory.getLogger(Follows.class);

    /** A confirmed (or already confirmed) follow: which campaign. */
    public record Confirmed(String campaignId, boolean now) {
    }

    private final MongoCollection<Document> requests;
    private final Subscriptions subscriptions;
    private final CampaignDirectory campaigns;
    private final MailTemplates templates;
    private final Deliveries deliveries;
    private final MailLinks links;
    private final Clock clock;
    private final Duration ttl;
    private final Duration resendWindow;
    private final byte[] ipKey;
    private final byte[] idKey;

    Follows(MongoDatabase database, Subscriptions subscriptions, CampaignDirectory campaigns, MailTemplates templates,
            Deliveries deliveries, MailLinks links, Clock clock, Secrets secrets,
            NotificationServiceProperties properties) {
        this.requests = database.getCollection("follow_requests");
        requests.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        this.subscriptions = subscriptions;
        this.campaigns = campaigns;
        this.templates = templates;
        this.deliveries = deliveries;
        this.links = links;
        this.clock = clock;
        this.ttl = properties.tokens().followTtl();
        this.resendWindow = properties.tokens().followResendWindow();
        this.ipKey = secrets.derive("ip-hash");
        this.idKey = secrets.derive("follow-id");
    }

    /** The campaign a request names, by id or slug; {@link InvalidFieldException} naming the field when none. */
    String campaignOf(FollowRequest request) {
        boolean byId = request.campaignId() != null && !request.campaignId().isBlank();
        boolean bySlug = request.campaignSlug() != null && !request.campaignSlug().isBlank();
        if (byId == bySlug) {
            throw new InvalidFieldException("campaignSlug", "give exactly one of campaignSlug and campaignId");
        }
        if (byId) {
            return campaigns.find(request.campaignId()).map(CampaignDirectory.Campaign::campaignId)
                    .orElseThrow(() -> new InvalidFieldException("campaignId", "no such campaign"));
        }
        return campaigns.findBySlug(request.campaignSlug()).map(CampaignDirectory.Campaign::campaignId)
                .orElseThrow(() -> new InvalidFieldException("campaignSlug", "no such campaign"));
    }

    /**
     * Mails a confirm link, unless the address cannot take mail (hard bounce, complaint, rejected) or
     * was sent one within the resend window. The caller answers the same in every case.
     */
    void request(FollowRequest request, String campaignId, String ip) {
        String email = request.email().trim();
        if (subscriptions.isUndeliverable(email)) {
            log.info("Follow request for campaign {} to an undeliverable address: no mail", campaignId);
            return;
        }
        Instant now = clock.instant();
        String recipientId = subscriptions.recipientIdOf(email);
        String followId = followId(recipientId, campaignId, now.getEpochSecond() / resendWindow.toSeconds());
        Instant expiresAt = now.plus(ttl);
        String locale = request.locale() == null || request.locale().isBlank() ? "en" : request.locale();
        var written = requests.updateOne(eq("_id", followId), new Document("$setOnInsert",
                new Document("recipientId", recipientId).append("email", email).append("name", request.name())
                        .append("locale", locale).append("campaignId", campaignId)
                        .append("ipHash", ip == null ? null : hmacHex(ipKey, ip, 32))
                        .append("requestedAt", Date.from(now)).append("expiresAt", Date.from(expiresAt))),
                new UpdateOptions().upsert(true));
        if (written.getUpsertedId() == null) {
            log.info("Follow {} requested again within the resend window: no second mail", followId);
            return;
        }
        Mail mail = templates.render(TEMPLATE, locale, email, Map.of(
                "name", request.name() == null ? "" : request.name(),
                "campaignTitle", campaigns.titleOf(campaignId),
                "confirmUrl", links.followUrl(followId, expiresAt)));
        deliveries.request(new DeliveryRequest("follow:" + followId, TEMPLATE, followId, mail, expiresAt, now, false,
                null, recipientId));
    }

    /** The pending request behind a confirm link (for the page); empty when gone or never made. */
    Optional<Document> pending(String followId) {
        return Optional.ofNullable(requests.find(eq("_id", followId)).first());
    }

    /**
     * Records consent (source {@code follow}) and subscribes; a second confirmation changes nothing.
     *
     * @return empty when the request is gone (expired)
     */
    Optional<Confirmed> confirm(String followId) {
        Document request = requests.find(eq("_id", followId)).first();
        if (request == null) {
            return Optional.empty();
        }
        String campaignId = request.getString("campaignId");
        if (request.getDate("confirmedAt") != null) {
            return Optional.of(new Confirmed(campaignId, false));
        }
        Instant now = clock.instant();
        subscriptions.consent(new Subscriptions.NewConsent("follow:" + followId, request.getString("email"),
                request.getString("name"), request.getString("locale"), campaignId, Subscriptions.FOLLOW, followId,
                request.getString("ipHash"), now));
        requests.updateOne(eq("_id", followId), new Document("$set", new Document("confirmedAt", Date.from(now))));
        log.info("Follow {} confirmed for campaign {}", followId, campaignId);
        return Optional.of(new Confirmed(campaignId, true));
    }

    /** Erasure: pending (and confirmed) follow requests hold the address and name; they go too. */
    @EventListener
    void on(RecipientErased erased) {
        long deleted = requests.deleteMany(eq("recipientId", erased.recipientId())).getDeletedCount();
        if (deleted > 0) {
            log.info("Erasure: {} follow requests deleted", deleted);
        }
    }

    private String followId(String recipientId, String campaignId, long window) {
        return hmacHex(idKey, recipientId + "|" + campaignId + "|" + window, 32);
    }

    private static String hmacHex(byte[] key, String value, int hexChars) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, hexChars);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
