package org.pledgeworks.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway does at the edge before a request may reach a service. */
class EdgeIT extends GatewayITSupport {

    private static final int LIMIT = 16 * 1024;

    @Test
    void aBodyOverTheLimitIsRefusedWithAProblemAndNeverReachesTheService() {
        pledgeService.stubFor(post("/api/campaigns/demo/pledges").willReturn(aResponse().withStatus(202)));

        client.post().uri("/api/campaigns/demo/pledges")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(LIMIT + 1))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.instance").isEqualTo("/api/campaigns/demo/pledges")
                .jsonPath("$.requestId").isNotEmpty();

        pledgeService.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aBodyAtTheLimitGoesThrough() {
        pledgeService.stubFor(post("/api/campaigns/demo/pledges").willReturn(aResponse().withStatus(202)));

        client.post().uri("/api/campaigns/demo/pledges")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(LIMIT))
                .exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterAndCannotDodgeItWithForwardedFor() {
        pledgeService.stubFor(post("/api/pledges/data-requests").willReturn(aResponse().withStatus(202)));

        for (int i = 0; i < DATA_REQUESTS_PER_PERIOD; i++) {
            client.post().uri("/api/pledges/data-requests").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"a@example.org\"}").exchange().expectStatus().isAccepted();
        }
        client.post().uri("/api/pledges/data-requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@example.org\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isPositive())
                .expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.title").isEqualTo("Too many requests");

        // a made-up X-Forwarded-For from a client that is no trusted proxy changes nothing
        client.post().uri("/api/pledges/data-requests").header("X-Forwarded-For", "203.0.113.9")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"a@example.org\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        pledgeService.verify(DATA_REQUESTS_PER_PERIOD, postRequestedFor(urlEqualTo("/api/pledges/data-requests")));
    }

    @Test
    void theServiceSeesTheRealClientAddressNotOneTheClientMadeUp() {
        pledgeService.stubFor(get("/api/campaigns/demo/count").willReturn(okJson("{\"total\":1}")));

        client.get().uri("/api/campaigns/demo/count")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=203.0.113.9")
                .exchange().expectStatus().isOk();

        pledgeService.verify(getRequestedFor(urlEqualTo("/api/campaigns/demo/count"))
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Host", equalTo("127.0.0.1:" + port))
                .withoutHeader("Forwarded"));
    }

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        campaignService.stubFor(get("/api/campaigns").willReturn(okJson("{\"items\":[]}")));
        for (String path : new String[] {"/", "/campaign.html", "/api/campaigns"}) {
            client.get().uri(path).exchange()
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                            .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval"))
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    // plain HTTP here: HSTS only makes sense, and is only sent, over TLS
                    .expectHeader().doesNotExist("Strict-Transport-Security");
        }
    }

    @Test
    void aConfiguredOriginMayCallTheApiFromItsPagesOthersMayNot() {
        client.options().uri("/api/campaigns")
                .header(HttpHeaders.ORIGIN, PARTNER_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PARTNER_ORIGIN);

        client.options().uri("/api/campaigns")
                .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        campaignService.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void signingsPastTheInFlightLimitAreTurnedAwayAtOnceWith503AndRetryAfterAndNeverReachTheService()
            throws Exception {
        // a slow pledge-service: the held signings stay in flight while the next ones arrive
        pledgeService.stubFor(post("/api/campaigns/spike/pledges")
                .willReturn(aResponse().withStatus(202).withFixedDelay(3_000)));
        pledgeService.stubFor(post("/api/campaigns/after-spike/pledges").willReturn(aResponse().withStatus(202)));
        WebClient web = WebClient.create("http://127.0.0.1:" + port);
        List<CompletableFuture<Integer>> held = new ArrayList<>();
        for (int i = 0; i < SIGNING_IN_FLIGHT; i++) {
            held.add(web.post().uri("/api/campaigns/spike/pledges").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}").exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                    .toFuture());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pledgeService.findAll(postRequestedFor(urlEqualTo("/api/campaigns/spike/pledges"))).size()
                < SIGNING_IN_FLIGHT && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        for (int i = 0; i < 3; i++) {
            client.post().uri("/api/campaigns/spike/pledges").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.title").isEqualTo("Busy right now");
        }
        // turned away while the others were still at the service: no queue behind them
        assertThat(held).noneMatch(CompletableFuture::isDone);

        for (CompletableFuture<Integer> signing : held) {
            assertThat(signing.get(15, TimeUnit.SECONDS)).isEqualTo(202);
        }
        // their places are free again once they are answered
        client.post().uri("/api/campaigns/after-spike/pledges").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isAccepted();
        pledgeService.verify(SIGNING_IN_FLIGHT, postRequestedFor(urlEqualTo("/api/campaigns/spike/pledges")));
    }

    private static String jsonOfSize(int bytes) {
        String start = "{\"name\":\"";
        String end = "\"}";
        return start + "x".repeat(bytes - start.length() - end.length()) + end;
    }
}
