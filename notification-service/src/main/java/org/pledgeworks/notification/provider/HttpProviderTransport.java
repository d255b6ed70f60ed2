package org.pledgeworks.notification.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.retry.Retry;
import org.pledgeworks.notification.mail.MailTransport;
import org.pledgeworks.notification.mail.OutgoingMail;
import org.pledgeworks.notification.mail.SendOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends mail through the provider's batch API:
 * <pre>
 * POST {base-url}/v1/messages/batch        Authorization: Bearer {api-key}, Idempotency-Key: {hash of the keys}
 * {"messages": [{"idempotencyKey", "from", "to", "subject", "text", "html", "headers": {...}}, ...]}
 * 200 {"results": [{"idempotencyKey", "status": "accepted" | "rejected" | "deferred", "errorCode"}, ...]}
 * </pre>
 * One call at most {@code max-batch} (500) mails, each with its own result. Around the call, outermost
 * first: retry (5xx, timeouts, resets, unreadable replies; exponential back-off with jitter), circuit
 * breaker (open while the provider is down: mails are postponed, not failed), bulkhead (calls at once),
 * rate limiter (one permit per mail: the configured rate is the provider's rate). A 429 / 421 / 454
 * pauses every sender until its Retry-After and halves the rate, which then recovers step by step;
 * the mails are postponed, not counted as failures. A rejection for the address itself
 * (inactive recipient, invalid address) is final and suppresses the address.
 */
public class HttpProviderTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(HttpProviderTransport.class);

    /** Result codes that say the address itself will never take mail. */
    static final Set<String> PERMANENT_CODES = Set.of("inactive_recipient", "invalid_address", "hard_bounce",
            "suppressed", "spam_complaint");
    private static final Set<Integer> THROTTLE_STATUSES = Set.of(429, 421, 454);

    private final HttpClient http;
    private final JsonMapper json;
    private final Clock clock;
    private final URI endpoint;
    private final String apiKey;
    private final String from;
    private final Duration timeout;
    private final int maxBatch;
    private final int configuredRate;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.EPOCH);

    public HttpProviderTransport(ProviderSettings settings, JsonMapper json, Clock clock, RateLimiter rateLimiter,
            Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.json = json;
        this.clock = clock;
        this.endpoint = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/v1/messages/batch");
        this.apiKey = settings.apiKey();
        this.from = settings.from();
        this.timeout = settings.timeout();
        this.rateLimiter = rateLimiter;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
        this.configuredRate = rateLimiter.getRateLimiterConfig().getLimitForPeriod();
        // a batch takes one permit per mail, and can never take more than one period's worth
        this.maxBatch = Math.max(1, Math.min(settings.maxBatch(), configuredRate));
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    /** One call of 500 costs about what a call of one does: a moment for the batch to fill up pays. */
    @Override
    public Duration batchWindow() {
        return Duration.ofMillis(20);
    }

    @Override
    public List<SendOutcome> send(List<OutgoingMail> mails) {
        List<SendOutcome> outcomes = new ArrayList<>(mails.size());
        for (int start = 0; start < mails.size(); start += maxBatch) {
            outcomes.addAll(sendBatch(mails.subList(start, Math.min(mails.size(), start + maxBatch))));
        }
        return outcomes;
    }

    private List<SendOutcome> sendBatch(List<OutgoingMail> batch) {
        Instant paused = pausedUntil.get();
        if (clock.instant().isBefore(paused)) {
            return all(batch, SendOutcome.postponed("provider asked us to wait", paused));
        }
        byte[] body = requestBody(batch);
        try {
            Map<String, JsonNode> results = Retry.decorateSupplier(retry,
                    CircuitBreaker.decorateSupplier(circuitBreaker,
                            Bulkhead.decorateSupplier(bulkhead, () -> call(batch, body)))).get();
            recoverRate();
            return outcomes(batch, results);
        }
        catch (ProviderThrottledException e) {
            Instant until = clock.instant().plus(e.retryAfter());
            pausedUntil.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
            slowDown();
            log.info("Provider throttled a batch of {}: pausing until {}, rate now {}/period", batch.size(), until,
                    rateLimiter.getRateLimiterConfig().getLimitForPeriod());
            return all(batch, SendOutcome.postponed(e.getMessage(), until));
        }
        catch (CallNotPermittedException e) {
            return all(batch, SendOutcome.postponed("provider circuit open",
                    clock.instant().plus(Duration.ofMillis(circuitBreaker.getCircuitBreakerConfig()
                            .getWaitIntervalFunctionInOpenState().apply(1)))));
        }
        catch (BulkheadFullException | ProviderRateLimitedException e) {
            return all(batch, SendOutcome.postponed(e.getClass().getSimpleName(), clock.instant().plusSeconds(1)));
        }
        catch (ProviderUnavailableException e) {
            log.warn("Provider unavailable for a batch of {} after retries: {}", batch.size(), e.getMessage());
            return all(batch, SendOutcome.failedTransiently(e.getMessage()));
        }
    }

    private Map<String, JsonNode> call(List<OutgoingMail> batch, byte[] body) {
        if (!rateLimiter.acquirePermission(batch.size())) {
            throw new ProviderRateLimitedException();
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", batchKey(batch))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (HttpTimeoutException e) {
            throw new ProviderUnavailableException("provider timed out");
        }
        catch (IOException e) {
            throw new ProviderUnavailableException("provider unreachable: " + e.getClass().getSimpleName());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted");
        }
        int status = response.statusCode();
        if (THROTTLE_STATUSES.contains(status)) {
            throw new ProviderThrottledException(status, retryAfter(response));
        }
        if (status >= 500 || status == 408) {
            throw new ProviderUnavailableException("provider answered HTTP " + status);
        }
        if (status >= 400) {
            // our request is wrong (auth, shape): retrying later may help once configuration is fixed
            throw new ProviderUnavailableException("provider refused the request: HTTP " + status);
        }
        return results(response.body());
    }

    private Map<String, JsonNode> results(String body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode results = root == null ? null : root.get("results");
            if (results == null || !results.isArray()) {
                throw new ProviderUnavailableException("provider reply without results");
            }
            Map<String, JsonNode> byKey = new HashMap<>();
            for (JsonNode result : results) {
                JsonNode key = result.get("idempotencyKey");
                if (key != null && key.isString()) {
                    byKey.put(key.asString(), result);
                }
            }
            return byKey;
        }
        catch (JacksonException e) {
            throw new ProviderUnavailableException("provider reply is not readable JSON");
        }
    }

    private static List<SendOutcome> outcomes(List<OutgoingMail> batch, Map<String, JsonNode> results) {
        List<SendOutcome> outcomes = new ArrayList<>(batch.size());
        for (OutgoingMail mail : batch) {
            JsonNode result = results.get(mail.idempotencyKey());
            if (result == null) {
                outcomes.add(SendOutcome.failedTransiently("no result for this mail"));
                continue;
            }
            String status = text(result, "status");
            String code = text(result, "errorCode");
            if ("accepted".equals(status)) {
                outcomes.add(SendOutcome.sent());
            }
            else if ("rejected".equals(status) && PERMANENT_CODES.contains(code)) {
                outcomes.add(SendOutcome.rejected("provider rejected the recipient: " + code, true));
            }
            else if ("rejected".equals(status) && "invalid_message".equals(code)) {
                outcomes.add(SendOutcome.rejected("provider rejected the message", false));
            }
            else {
                outcomes.add(SendOutcome.failedTransiently("provider deferred: " + (code == null ? status : code)));
            }
        }
        return outcomes;
    }

    /**
     * UTF-8 bytes straight from the generator, what the request sends: built as a String first (~1 MB for
     * 500 mails), the body was copied from Jackson's buffers into a StringBuilder and then encoded again.
     */
    private byte[] requestBody(List<OutgoingMail> batch) {
        ObjectNode root = json.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        for (OutgoingMail mail : batch) {
            ObjectNode message = messages.addObject();
            message.put("idempotencyKey", mail.idempotencyKey());
            message.put("from", from);
            message.put("to", mail.mail().to());
            message.put("subject", mail.mail().subject());
            message.put("text", mail.mail().text());
            message.put("html", mail.mail().html());
            ObjectNode headers = message.putObject("headers");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Message-ID", mail.messageId());
            all.putAll(mail.mail().headers());
            all.forEach(headers::put);
        }
        return json.writeValueAsBytes(root);
    }

    /** The same batch (same keys) retried carries the same request key too. */
    private static String batchKey(List<OutgoingMail> batch) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (OutgoingMail mail : batch) {
                digest.update(mail.idempotencyKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Retry-After in seconds or as an HTTP date; one second when absent or unreadable. */
    Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (value.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            }
            catch (DateTimeParseException notADate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private void slowDown() {
        int current = rateLimiter.getRateLimiterConfig().getLimitForPeriod();
        rateLimiter.changeLimitForPeriod(Math.max(maxBatch, current / 2));
    }

    /** After a good call, back a tenth of the way to the configured rate. */
    private void recoverRate() {
        int current = rateLimiter.getRateLimiterConfig().getLimitForPeriod();
        if (current < configuredRate) {
            rateLimiter.changeLimitForPeriod(Math.min(configuredRate, current + Math.max(1, configuredRate / 10)));
        }
    }

    private static List<SendOutcome> all(List<OutgoingMail> batch, SendOutcome outcome) {
        List<SendOutcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
