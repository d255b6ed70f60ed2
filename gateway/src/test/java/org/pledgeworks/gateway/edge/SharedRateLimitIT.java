package org.pledgeworks.gateway.edge;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;
import org.pledgeworks.kit.testing.TestClock;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway counts its rate limits in the shared store: what a second instance (its own MongoDB client and
 * limiter, against the same database) spends comes off this gateway's budget too, and the client gets 429.
 */
class SharedRateLimitIT extends GatewayITSupport {

    private static final String ROUTE = "pledge-data-requests";

    private MongoClient mongoClient;

    private MongoCollection<Document> counters;

    @BeforeEach
    void emptyTheCounters() throws InterruptedException {
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort());
        counters = mongoClient.getDatabase("pledgeworks-gateway").getCollection("rateLimits");
        counters.deleteMany(new Document());
        // the route's window is a fixed hour of the gateway's clock: never start a few seconds before it turns
        long toNextHour = 3_600_000 - TestClock.now().toEpochMilli() % 3_600_000;
        if (toNextHour < 15_000) {
            Thread.sleep(toNextHour + 200);
        }
    }

    @AfterEach
    void leaveTheBudgetsAsTheyWere() {
        counters.deleteMany(new Document());
        mongoClient.close();
    }

    @Test
    void whatAnotherInstanceSpendsComesOffThisGatewaysBudget() {
        pledgeService.stubFor(post("/api/pledges/data-requests").willReturn(aResponse().withStatus(202)));
        client.post().uri("/api/pledges/data-requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@example.org\"}").exchange().expectStatus().isAccepted();

        Document counter = counters.find(Filters.regex("_id", "^" + ROUTE + "\\|")).first();
        assertThat(counter).as("the gateway counted the request in the shared store").isNotNull();
        assertThat(counter.get("count", Number.class).longValue()).isEqualTo(1);
        String id = counter.getString("_id");
        String clientAddress = id.substring(ROUTE.length() + 1, id.lastIndexOf('|'));

        // a second gateway instance on the same clock, with buckets of its own that would still allow everything
        Clock clock = TestClock.clock();
        try (SharedRateLimits other = new SharedRateLimits(new MongoRateLimitStore(
                "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort(), "pledgeworks-gateway",
                Duration.ofSeconds(5), clock), Duration.ofSeconds(5), clock, new SimpleMeterRegistry())) {
            ClientRateLimiter ownBuckets = new ClientRateLimiter(DATA_REQUESTS_PER_PERIOD, Duration.ofHours(1));
            for (int i = 1; i < DATA_REQUESTS_PER_PERIOD; i++) {
                assertThat(other.take(ROUTE, clientAddress, DATA_REQUESTS_PER_PERIOD, Duration.ofHours(1), ownBuckets)
                        .block(Duration.ofSeconds(10)).allowed()).isTrue();
            }
        }

        client.post().uri("/api/pledges/data-requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"a@example.org\"}").exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isBetween(1L, 3600L))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        pledgeService.verify(1, postRequestedFor(urlEqualTo("/api/pledges/data-requests")));
    }
}
