package org.pledgeworks.campaign.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClockConfiguration;
import org.pledgeworks.kit.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole service on a random port, against the shared broker and
 * database. One configuration, so Spring caches one context for all of them. The scheduled jobs
 * (closing, scheduled updates) are left to the tests to run, so they run when a test says so. The
 * service's {@code Clock} is the tests' {@code TestClock}, so that what it decides by the time (an
 * end date passed, an update due, a token expired) agrees with the instants the tests compute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ServiceIT {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", TestInfrastructure::mongoUri);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", StaffTokens::publicKeyLocation);
        registry.add("pledgeworks.jwt.issuer", () -> StaffTokens.ISSUER);
        registry.add("pledgeworks.jobs.interval", () -> "1h");
    }

    protected HttpResponse<String> get(String path) {
        return send(request(path, null).GET());
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    protected HttpResponse<String> post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : asJson(body))));
    }

    protected HttpResponse<String> put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(asJson(body))));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    protected JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    /** A campaign made of {@code draft} (see {@link CampaignMother}) by its owner's admin, still a draft. */
    protected String createCampaign(Map<String, Object> draft) {
        HttpResponse<String> created = post("/api/staff/campaigns", CampaignMother.ownerAdmin(), draft);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return read(created).get("campaignId").asString();
    }

    /** A campaign made of {@code draft} by its owner's admin and published: open to the public. */
    protected String openCampaign(Map<String, Object> draft) {
        String id = createCampaign(draft);
        HttpResponse<String> published = post("/api/staff/campaigns/" + id + "/publish", CampaignMother.ownerAdmin(),
                null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        return id;
    }

    private String asJson(Object body) {
        return body instanceof String s ? s : json.writeValueAsString(body);
    }
}
