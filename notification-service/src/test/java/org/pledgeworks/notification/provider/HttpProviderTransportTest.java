package org.pledgeworks.notification.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.OutgoingMail;
import org.pledgeworks.notification.mail.SendOutcome;
import org.pledgeworks.notification.mail.SendOutcome.Result;
import org.pledgeworks.notification.support.FakeProvider;
import org.pledgeworks.notification.support.MutableClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP transport against WireMock as the provider. Each test reads WireMock's request journal:
 * every recipient got exactly one send the provider accepted (and told us so), whatever went wrong
 * on the way, and every retry of a mail carried the same idempotency key.
 */
class HttpProviderTransportTest {

    private static final String PATH = FakeProvider.BATCH_PATH;
    private static FakeProvider provider;

    private final MutableClock clock = new MutableClock(TestClock.now());
    private HttpProviderTransport transport;
    private CircuitBreaker circuitBreaker;
    private RateLimiter rateLimiter;

    @BeforeAll
    static void startProvider() {
        provider = FakeProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    @BeforeEach
    void freshTransport() {
        provider.reset();
        rateLimiter = RateLimiter.of("email-provider", RateLimiterConfig.custom().limitForPeriod(1000)
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ofSeconds(5)).build());
        circuitBreaker = CircuitBreaker.of("email-provider", CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .ignoreExceptions(ProviderThrottledException.class, ProviderRateLimitedException.class).build());
        Retry retry = Retry.of("email-provider", RetryConfig.custom().maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(50), 2.0, 0.5))
                .retryExceptions(ProviderUnavailableException.class).build());
        Bulkhead bulkhead = Bulkhead.of("email-provider", BulkheadConfig.custom().maxConcurrentCalls(4)
                .maxWaitDuration(Duration.ofSeconds(5)).build());
        transport = new HttpProviderTransport(new ProviderSettings(provider.baseUrl(), "test-key",
                "Pledgeworks <no-reply@pledgeworks.local>", 500, Duration.ofSeconds(1), Duration.ofMillis(800)),
                JsonMapper.builder().build(), clock, rateLimiter, retry, circuitBreaker, bulkhead);
    }

    @Test
    void aBatchIsAcceptedInOneCallWithOneResultPerMail() {
        provider.acceptEverything();
        List<OutgoingMail> mails = mails("accepted", 3);

        List<SendOutcome> outcomes = transport.send(mails);

        assertThat(outcomes).extracting(SendOutcome::result).containsOnly(Result.SENT).hasSize(3);
        assertThat(provider.server().getAllServeEvents()).hasSize(1);
        var request = provider.server().getAllServeEvents().get(0).getRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-key");
        assertThat(request.getHeader("Idempotency-Key")).hasSize(64);
        var first = provider.requests().get(0).message();
        assertThat(first.get("headers").get("Message-ID").asString()).isEqualTo("<accepted-0@pledgeworks.local>");
        assertThat(first.get("headers").get("List-Unsubscribe").asString()).startsWith("<https://");
        assertEveryRecipientAcceptedExactlyOnce(mails);
    }

    @Test
    void moreThanFiveHundredGoInCallsOfFiveHundred() {
        provider.acceptEverything();
        List<OutgoingMail> mails = mails("big", 1_201);

        assertThat(transport.send(mails)).extracting(SendOutcome::result).containsOnly(Result.SENT).hasSize(1_201);

        assertThat(provider.server().getAllServeEvents()).hasSize(3);
        assertEveryRecipientAcceptedExactlyOnce(mails);
    }

    @Test
    void aPartialFailureGivesEachMailItsOwnOutcomeAndOnlyTheDeferredOneIsSentAgain() {
        List<OutgoingMail> mails = mails("partial", 4);
        provider.server().stubFor(post(PATH).inScenario("partial").whenScenarioStateIs(STARTED)
                .willReturn(okJson(results(Map.of(
                        key(mails, 0), "\"status\":\"accepted\"",
                        key(mails, 1), "\"status\":\"rejected\",\"errorCode\":\"inactive_recipient\"",
                        key(mails, 2), "\"status\":\"rejected\",\"errorCode\":\"invalid_address\"",
                        key(mails, 3), "\"status\":\"deferred\",\"errorCode\":\"temporarily_unavailable\""))))
                .willSetStateTo("second"));
        provider.server().stubFor(post(PATH).inScenario("partial").whenScenarioStateIs("second")
                .willReturn(okJson(results(Map.of(key(mails, 3), "\"status\":\"accepted\"")))));

        List<SendOutcome> outcomes = transport.send(mails);

        assertThat(outcomes.get(0).result()).isEqualTo(Result.SENT);
        assertThat(outcomes.get(1)).extracting(SendOutcome::result, SendOutcome::suppress)
                .containsExactly(Result.REJECTED, true);
        assertThat(outcomes.get(2)).extracting(SendOutcome::result, SendOutcome::suppress)
                .containsExactly(Result.REJECTED, true);
        assertThat(outcomes.get(3).result()).isEqualTo(Result.FAILED_TRANSIENTLY);
        // the sender sends again only what failed transiently
        assertThat(transport.send(List.of(mails.get(3)))).extracting(SendOutcome::result).containsExactly(Result.SENT);

        Map<String, Integer> accepted = provider.acceptedPerRecipient();
        assertThat(accepted).containsEntry(to(mails, 0), 1).containsEntry(to(mails, 3), 1)
                .containsEntry(to(mails, 1), 0).containsEntry(to(mails, 2), 0);
        assertThat(provider.requests()).filteredOn(s -> s.to().equals(to(mails, 1))).hasSize(1);
        assertThat(provider.requests()).filteredOn(s -> s.to().equals(to(mails, 2))).hasSize(1);
        assertSameKeyOnEveryRetry(mails);
    }

    @Test
    void aTooManyRequestsWithRetryAfterPostponesWithoutCountingAFailureAndSlowsTheSenderDown() {
        List<OutgoingMail> mails = mails("throttled", 3);
        provider.server().stubFor(post(PATH).inScenario("429").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        provider.server().stubFor(post(PATH).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson("{}").withTransformers("accept-all")));

        List<SendOutcome> first = transport.send(mails);

        assertThat(first).extracting(SendOutcome::result).containsOnly(Result.POSTPONED);
        assertThat(first.get(0).retryAt()).isEqualTo(clock.instant().plusSeconds(7));
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(rateLimiter.getRateLimiterConfig().getLimitForPeriod()).isEqualTo(500);
        // until Retry-After has passed nothing goes to the provider at all
        clock.advance(Duration.ofSeconds(6));
        assertThat(transport.send(mails)).extracting(SendOutcome::result).containsOnly(Result.POSTPONED);
        assertThat(provider.server().getAllServeEvents()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(transport.send(mails)).extracting(SendOutcome::result).containsOnly(Result.SENT);
        assertThat(rateLimiter.getRateLimiterConfig().getLimitForPeriod()).as("recovering").isEqualTo(600);
        assertEveryRecipientAcceptedExactlyOnce(mails);
    }

    @Test
    void aServerErrorIsRetriedWithBackoffAndTheSameIdempotencyKeys() {
        List<OutgoingMail> mails = mails("five-hundred", 2);
        failFirstThenAccept(aResponse().withStatus(500));

        assertThat(transport.send(mails)).extracting(SendOutcome::result).containsOnly(Result.SENT);

        assertThat(provider.server().getAllServeEvents()).hasSize(2);
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertEveryRecipientAcceptedExactlyOnce(mails);
        assertSameKeyOnEveryRetry(mails);
    }

    @Test
    void aResetConnectionIsRetried() {
        List<OutgoingMail> mails = mails("reset", 2);
        failFirstThenAccept(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(transport.send(mails)).extracting(SendOutcome::result).containsOnly(Result.SENT);

        assertThat(provider.server().getAllServeEvents()).hasSize(2);
        assertEveryRecipientAcceptedExactlyOnce(mails);
        assertSameKeyOnEveryRetry(mails);
    }

    @Test
    void aTenSecondDelayTimesOutAndIsRetriedWithoutWaitingForIt() {
        List<OutgoingMail> mails = mails("slow", 2);
        // the slow reply accepts too: the retry carries the same keys, so the provider sends no copy
        failFirstThenAccept(okJson("{}").withTransformers("accept-all").withFixedDelay(10_000));
        long start = System.nanoTime();

        assertThat(transport.send(mails)).extracting(SendOutcome::result).containsOnly(Result.SENT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertEveryRecipientAcceptedExactlyOnce(mails);
        assertSameKeyOnEveryRetry(mails);
    }

    @Test
    void aMalformedReplyIsRetriedWithTheSameKeys() {
        List<OutgoingMail> mails = mails("malformed", 2);
        failFirstThenAccept(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"results\": [ {\"idempotencyKey\": "));

        assertThat(transport.send(mails)).extracting(SendOutcome::result).containsOnly(Result.SENT);

        assertThat(provider.server().getAllServeEvents()).hasSize(2);
        assertEveryRecipientAcceptedExactlyOnce(mails);
        assertSameKeyOnEveryRetry(mails);
    }

    @Test
    void aProviderThatStaysDownFailsTheBatchTransientlyThenOpensTheCircuitAndIsLeftAlone() {
        provider.server().stubFor(post(PATH).willReturn(aResponse().withStatus(503)));
        List<OutgoingMail> mails = mails("down", 2);

        assertThat(transport.send(mails)).extracting(SendOutcome::result).containsOnly(Result.FAILED_TRANSIENTLY);
        assertThat(provider.server().getAllServeEvents()).as("three attempts").hasSize(3);
        transport.send(mails);
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int calls = provider.server().getAllServeEvents().size();

        List<SendOutcome> whileOpen = transport.send(mails);

        assertThat(whileOpen).extracting(SendOutcome::result).containsOnly(Result.POSTPONED);
        assertThat(whileOpen.get(0).retryAt()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(provider.server().getAllServeEvents()).hasSize(calls);
        assertThat(provider.acceptedPerRecipient().values()).containsOnly(0);
    }

    @Test
    void theConfiguredRateIsHonouredExactly() {
        provider.acceptEverything();
        RateLimiter slow = RateLimiter.of("slow", RateLimiterConfig.custom().limitForPeriod(200)
                .limitRefreshPeriod(Duration.ofMillis(500)).timeoutDuration(Duration.ofSeconds(5)).build());
        HttpProviderTransport limited = new HttpProviderTransport(new ProviderSettings(provider.baseUrl(), "k",
                "no-reply@pledgeworks.local", 500, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                JsonMapper.builder().build(), clock, slow, Retry.of("r", RetryConfig.custom()
                        .retryExceptions(ProviderUnavailableException.class).build()),
                CircuitBreaker.ofDefaults("c"), Bulkhead.ofDefaults("b"));
        List<OutgoingMail> mails = mails("rate", 1_000);

        long start = System.nanoTime();
        assertThat(limited.send(mails)).extracting(SendOutcome::result).containsOnly(Result.SENT);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // 200 per 500 ms: batches of 200 (never more than one period's permits), the 5th waits 4 periods
        assertThat(limited.maxBatch()).isEqualTo(200);
        assertThat(provider.server().getAllServeEvents()).hasSize(5);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1_500)).isLessThan(Duration.ofSeconds(20));
        assertEveryRecipientAcceptedExactlyOnce(mails);
    }

    private void failFirstThenAccept(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        provider.server().stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("ok"));
        provider.server().stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("{}").withTransformers("accept-all")));
    }

    private static void assertEveryRecipientAcceptedExactlyOnce(List<OutgoingMail> mails) {
        Map<String, Integer> accepted = provider.acceptedPerRecipient();
        assertThat(accepted).hasSize(mails.size());
        assertThat(accepted.values()).containsOnly(1);
    }

    private static void assertSameKeyOnEveryRetry(List<OutgoingMail> mails) {
        Map<String, List<String>> keysByRecipient = provider.requests().stream().collect(Collectors.groupingBy(
                FakeProvider.Sent::to, Collectors.mapping(FakeProvider.Sent::idempotencyKey, Collectors.toList())));
        for (OutgoingMail mail : mails) {
            assertThat(keysByRecipient.get(mail.mail().to())).containsOnly(mail.idempotencyKey());
        }
    }

    private static List<OutgoingMail> mails(String prefix, int count) {
        List<OutgoingMail> mails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mail mail = new Mail(prefix + "-" + i + "@example.org", "Update", "text", "<p>html</p>",
                    Map.of("List-Unsubscribe", "<https://x.test/unsubscribe/t>, <mailto:u@x.test>",
                            "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
            mails.add(new OutgoingMail("m1:" + prefix + "-" + i, "<" + prefix + "-" + i + "@pledgeworks.local>", mail));
        }
        return mails;
    }

    private static String key(List<OutgoingMail> mails, int i) {
        return mails.get(i).idempotencyKey();
    }

    private static String to(List<OutgoingMail> mails, int i) {
        return mails.get(i).mail().to();
    }

    private static String results(Map<String, String> byKey) {
        return byKey.entrySet().stream()
                .map(e -> "{\"idempotencyKey\":\"" + e.getKey() + "\"," + e.getValue() + "}")
                .collect(Collectors.joining(",", "{\"results\":[", "]}"));
    }
}
