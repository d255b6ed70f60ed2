package org.pledgeworks.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** A service that is down gets a fast, well-formed 503 that tells the caller when to come back. */
class FallbackIT extends GatewayITSupport {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @Test
    void aServiceThatIsDownIsAnsweredWithAProblemAndRetryAfter() {
        long started = System.nanoTime();

        client.get().uri("/api/notifications/preferences").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service temporarily unavailable")
                .jsonPath("$.service").isEqualTo("notification-service")
                .jsonPath("$.instance").isEqualTo("/api/notifications/preferences")
                .jsonPath("$.requestId").isNotEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aPostToAServiceThatIsDownIsAnsweredTheSameWay() {
        client.post().uri("/unsubscribe/some-token").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("notification-service");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/preferences/some-token", "/webhooks/provider",
        "/follow/some-token", "/api/notifications/follow"})
    void notificationServicePagesAndWebhooksAreRoutedToIt(String path) {
        // the fake notification-service is down in this suite: its fallback proves the route, a 404 would not
        client.post().uri(path).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.service").isEqualTo("notification-service");
    }

    @Test
    void theFallbackAnswersOnlyForKnownServices() {
        client.get().uri("/fallback/no-such-service").exchange().expectStatus().isNotFound();
    }

    @Test
    void breakersUseTheConfiguredSettingsNotResilience4jDefaults() {
        CircuitBreakerConfig breaker = circuitBreakers.getCircuitBreakerRegistry().getDefaultConfig();
        assertThat(breaker.getSlidingWindowSize()).isEqualTo(20);
        assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(10);
        // the 1 s default would cut off requests the gateway's 10 s response timeout allows
        assertThat(circuitBreakers.getTimeLimiterRegistry().getDefaultConfig().getTimeoutDuration())
                .isGreaterThan(Duration.ofSeconds(10));
    }
}
