package org.pledgeworks.notification.provider;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.swagger.v3.oas.annotations.Operation;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.pledgeworks.notification.subscribers.SuppressionList;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/provider}: bounces and complaints from the email provider. Authenticated by
 * {@code X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with
 * {@code X-Webhook-Timestamp} (epoch seconds, at most 5 minutes off, so a captured call cannot be
 * replayed later). Body: {@code {"events": [{"type": "bounce"|"complaint", "bounceType": "hard"|"soft",
 * "email", "idempotencyKey"}]}}. Hard bounces and complaints suppress the address for good.
 */
@RestController
class ProviderWebhookController {

    private static final Logger log = LoggerFactory.getLogger(ProviderWebhookController.class);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final SuppressionList suppressions;
    private final Deliveries deliveries;
    private final DeliveryStats stats;
    private final JsonMapper json;
    private final Clock clock;

    ProviderWebhookController(NotificationServiceProperties properties, SuppressionList suppressions,
            Deliveries deliveries, DeliveryStats stats, JsonMapper json, Clock clock) {
        this.secret = properties.provider().webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.suppressions = suppressions;
        this.deliveries = deliveries;
        this.stats = stats;
        this.json = json;
        this.clock = clock;
    }

    @Operation(summary = "Bounce and complaint events from the provider (HMAC-signed)")
    @PostMapping("/webhooks/provider")
    ResponseEntity<Void> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "X-Webhook-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Webhook-Signature", required = false) String signature) {
        if (body == null || !authentic(body, timestamp, signature)) {
            return ResponseEntity.status(401).build();
        }
        JsonNode events;
        try {
            events = json.readTree(body).get("events");
        }
        catch (JacksonException e) {
            return ResponseEntity.badRequest().build();
        }
        if (events == null || !events.isArray()) {
            return ResponseEntity.badRequest().build();
        }
        int suppressed = 0;
        for (JsonNode event : events) {
            String type = event.path("type").asString("");
            String email = event.path("email").asString("");
            boolean hard = "bounce".equals(type) && "hard".equals(event.path("bounceType").asString(""));
            boolean complaint = "complaint".equals(type);
            if (email.isBlank() || !(hard || complaint)) {
                continue;
            }
            suppressions.suppressEverything(email, complaint ? SuppressionList.Reason.COMPLAINED
                    : SuppressionList.Reason.HARD_BOUNCE);
            suppressed++;
            String key = event.path("idempotencyKey").asString("");
            if (!key.isBlank()) {
                deliveries.messageRefOf(key).ifPresent(ref -> stats.add(ref, complaint ? "complained" : "bounced"));
            }
        }
        log.info("Provider webhook: {} events, {} addresses suppressed", events.size(), suppressed);
        return ResponseEntity.noContent().build();
    }

    private boolean authentic(byte[] body, String timestamp, String signature) {
        if (secret.length == 0 || timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(sent, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(7)));
        }
        catch (NumberFormatException | NoSuchAlgorithmException | InvalidKeyException | java.time.DateTimeException e) {
            return false;
        }
        catch (IllegalArgumentException notHex) {
            return false;
        }
    }
}
