package org.pledgeworks.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.BeforeEach;
import org.pledgeworks.kit.testing.TestClockConfiguration;
import org.pledgeworks.kit.testing.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one setup every gateway IT shares, so Spring starts the gateway once per test JVM: the gateway on a
 * random port (and its management server on another), WireMock standing in for campaign- and
 * pledge-service, notification-service pointed at a port where nothing listens (a service that is down),
 * an in-memory MongoDB wire server for staff accounts and the shared rate-limit counters, the kit's embedded
 * Kafka broker for the staff events, and a fresh data
 * directory where the gateway keeps its signing key and writes the first admin's printed password. The gateway reads
 * the test clock ({@code TestClock}), so the tokens it issues and checks agree with the tests' own instants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class GatewayITSupport {

    protected static final WireMockServer campaignService = startFake();

    protected static final WireMockServer pledgeService = startFake();

    /** Nothing listens here: the port was free a moment ago and is closed again. */
    protected static final int closedPort = closedPort();

    protected static final MongoServer mongo = startMongo();

    protected static final Path dataDir = tempDir();

    /** Seals the staff links the gateway publishes; a test opens them with it, as notification-service would. */
    protected static final String TOKEN_SECRET = "gateway-it-token-secret";

    /** The web origin allowed to call the API from its own pages. */
    protected static final String PARTNER_ORIGIN = "https://partner.example.org";

    /** The data-requests route's limit here, small enough to reach in a test. */
    protected static final int DATA_REQUESTS_PER_PERIOD = 3;

    /** The signing route's limit of requests in flight here, small enough to reach in a test. */
    protected static final int SIGNING_IN_FLIGHT = 4;

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    protected WebTestClient client;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        // the same variables the launcher sets
        registry.add("CAMPAIGN_SERVICE_URL", campaignService::baseUrl);
        registry.add("PLEDGE_SERVICE_URL", pledgeService::baseUrl);
        registry.add("NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort);
        InetSocketAddress db = mongo.getLocalAddress();
        registry.add("MONGODB_URI", () -> "mongodb://127.0.0.1:" + db.getPort());
        registry.add("PLEDGEWORKS_DATA_DIR", dataDir::toString);
        // the staff topic's events (invitations, resets, membership changes) go to the kit's embedded broker
        registry.add("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure::kafkaBootstrapServers);
        registry.add("PLEDGEWORKS_TOKEN_SECRET", () -> TOKEN_SECRET);
        registry.add("MANAGEMENT_PORT", () -> "0");
        registry.add("PLEDGEWORKS_CORS_ORIGINS", () -> PARTNER_ORIGIN);
        // the routing tests sign many times from one address; the data-requests route keeps a small limit
        registry.add("PLEDGEWORKS_RATE_LIMIT_SIGNING", () -> "100000");
        registry.add("PLEDGEWORKS_SIGNING_IN_FLIGHT", () -> Integer.toString(SIGNING_IN_FLIGHT));
        registry.add("PLEDGEWORKS_RATE_LIMIT_DATA_REQUESTS", () -> Integer.toString(DATA_REQUESTS_PER_PERIOD));
        registry.add("PLEDGEWORKS_RATE_LIMIT_DATA_REQUESTS_PERIOD", () -> "1h");
        // every IT signs in from 127.0.0.1, as the first admin; the sign-in limits are proved in SignInThrottleTest
        registry.add("PLEDGEWORKS_SIGN_IN_ATTEMPTS", () -> "1000");
        registry.add("PLEDGEWORKS_SIGN_IN_ACCOUNT_ATTEMPTS", () -> "1000");
        // rate limits counted in the shared store (the MongoDB above), as several instances would; a generous
        // timeout because this machine is busy during builds, and a slow answer would fail over to memory
        registry.add("PLEDGEWORKS_RATE_LIMIT_STORE", () -> "mongodb");
        registry.add("PLEDGEWORKS_RATE_LIMIT_STORE_TIMEOUT", () -> "5s");
        // the campaign page's events and opportunities: 1 s in production, but a build on a busy machine can take
        // that long for a first read, and the page would come without them
        registry.add("pledgeworks.gateway.pages.sections-timeout", () -> SECTIONS_TIMEOUT.toString());
    }

    /** How long the campaign page waits here for its events and opportunities. */
    protected static final Duration SECTIONS_TIMEOUT = Duration.ofSeconds(3);

    /** The first admin's password once {@link #firstAdminPassword()} has changed it, as a person would. */
    protected static final String FIRST_ADMIN_PASSWORD = "a long walk to the tidy lighthouse";

    private static Map<String, String> printedFirstAdmin;

    private static boolean firstAdminPasswordChanged;

    /**
     * The first admin's email and one-time password, as the gateway wrote them for the launcher; read once
     * and kept, because the gateway deletes the file when the admin chooses a password of their own.
     */
    protected static synchronized Map<String, String> firstAdmin() {
        if (printedFirstAdmin != null) {
            return printedFirstAdmin;
        }
        try {
            Map<String, String> values = new java.util.HashMap<>();
            for (String line : Files.readAllLines(dataDir.resolve("secrets/first-admin.txt"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            printedFirstAdmin = Map.copyOf(values);
            return printedFirstAdmin;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The first admin's password: {@link #FIRST_ADMIN_PASSWORD}, chosen (the first time this is asked, in
     * whichever test comes first) through {@code POST /api/auth/password} with the printed one, as the gateway
     * demands before it signs the first admin in.
     */
    protected synchronized String firstAdminPassword() {
        if (!firstAdminPasswordChanged) {
            Map<String, String> admin = firstAdmin();
            client.post().uri("/api/auth/password")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", admin.get("email"), "password", admin.get("password"),
                            "newPassword", FIRST_ADMIN_PASSWORD))
                    .exchange()
                    .expectStatus().isOk();
            firstAdminPasswordChanged = true;
        }
        return FIRST_ADMIN_PASSWORD;
    }

    /** Signs in as the first admin through the token endpoint and returns the token. */
    protected String signInAsFirstAdmin() {
        return tokenFor(firstAdmin().get("email"), firstAdminPassword());
    }

    /** Signs in through the token endpoint, which must answer a token, and returns it. */
    protected String tokenFor(String email, String password) {
        return client.post().uri("/api/auth/token")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody()
                .get("access_token").toString();
    }

    @BeforeEach
    void resetFakesAndClient() {
        campaignService.resetAll();
        pledgeService.resetAll();
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static WireMockServer startFake() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(60));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static MongoServer startMongo() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return server;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gateway-it-data");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
