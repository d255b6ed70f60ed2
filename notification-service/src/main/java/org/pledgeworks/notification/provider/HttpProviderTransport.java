package org.pledgeworks.notification.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends mail through the provider's batch API:
 * <pre>
 * POST {base-url}/v1/messages/batch        Authorization: Bearer {api-key}, Idempotency-Key: {hash of the keys}
 * {"messages": [{"idempotencyKey", "from", "to", "subject", "text", "html", "headers": {...}}, ...]}
 * 200 {"results": [{"idempotencyKey", "status": "accepted" | "rejected" | "deferred", "errorCode"}, ...]}
 * </pre>
 * One call at most {@code max-batch} (500) mails, each with its own result ({@link ProviderWire} writes
 * and reads the JSON). Around the call, outermost first: retry (5xx, timeouts, resets, unreadable
 * replies; exponential back-off with jitter), circuit breaker (open while the provider is down: mails
 * are postponed, not failed), bulkhead (calls at once), rate limiter (one permit per mail: the
 * configured rate is the provider's rate). A 429 / 421 / 454 pauses every sender until its Retry-After
 * and halves the rate, which then recovers step by step ({@link ProviderPace}); the mails are
 * postponed, not counted as failures. A rejection for the address itself (inactive recipient, invalid
 * address) is final and suppresses the address.
 */
public class HttpProviderTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(HttpProviderTransport.class);

    private static final Set<Integer> THROTTLE_STATUSES = Set.of(429, 421, 454);

    private final HttpClient http;
    private final ProviderWire wire;
    private final ProviderPace pace;
    private final Clock clock;
    private final URI endpoint;
    private final String apiKey;
    private final Duration timeout;
    private final int maxBatch;
    private final RateLimiter rateLimiter;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;

    public HttpProviderTransport(ProviderSettings settings, JsonMapper json, Clock clock, RateLimiter rateLimiter,
            Retry retry, CircuitBreaker circuitBreaker, Bulkhead bulkhead) {
        this.wire = new ProviderWire(json, settings.from());
        this.clock = clock;
        this.endpoint = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/v1/messages/batch");
        this.apiKey = settings.apiKey();
        this.timeout = settings.timeout();
        this.rateLimiter = rateLimiter;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
        int configuredRate = rateLimiter.getRateLimiterConfig().getLimitForPeriod();
        // a batch takes one permit per mail, and can never take more than one period's worth
        this.maxBatch = Math.max(1, Math.min(settings.maxBatch(), configuredRate));
        this.pace = new ProviderPace(clock, rateLimiter, configuredRate, maxBatch);
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
        Instant paused = pace.pausedUntil();
        if (clock.instant().isBefore(paused)) {
            return all(batch, SendOutcome.postponed("provider asked us to wait", paused));
        }
        byte[] body = wire.requestBody(batch);
        try {
            Map<String, JsonNode> results = Retry.decorateSupplier(retry,
                    CircuitBreaker.decorateSupplier(circuitBreaker,
                            Bulkhead.decorateSupplier(bulkhead, () -> call(batch, body)))).get();
            pace.recoverRate();
            return ProviderWire.outcomes(batch, results);
        }
        catch (ProviderThrottledException e) {
            Instant until = pace.throttled(e.retryAfter());
            log.info("Provider throttled a batch of {}: pausing until {}, rate now {}/period", batch.size(), until,
                    pace.currentRate());
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
                .header("Idempotency-Key", ProviderWire.batchKey(batch))
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
            throw new ProviderThrottledException(status, pace.retryAfter(response));
        }
        if (status >= 500 || status == 408) {
            throw new ProviderUnavailableException("provider answered HTTP " + status);
        }
        if (status >= 400) {
            // our request is wrong (auth, shape): retrying later may help once configuration is fixed
            throw new ProviderUnavailableException("provider refused the request: HTTP " + status);
        }
        return wire.results(response.body());
    }

    private static List<SendOutcome> all(List<OutgoingMail> batch, SendOutcome outcome) {
        List<SendOutcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
