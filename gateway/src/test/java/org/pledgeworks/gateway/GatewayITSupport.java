package org.pledgeworks.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one setup every gateway IT shares, so Spring starts the gateway once per test JVM: the gateway on a
 * random port, WireMock standing in for campaign- and pledge-service, and notification-service pointed at
 * a port where nothing listens (a service that is down).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayITSupport {

    protected static final WireMockServer campaignService = startFake();

    protected static final WireMockServer pledgeService = startFake();

    /** Nothing listens here: the port was free a moment ago and is closed again. */
    protected static final int closedPort = closedPort();

    @LocalServerPort
    protected int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        // the same variables the launcher sets
        registry.add("CAMPAIGN_SERVICE_URL", campaignService::baseUrl);
        registry.add("PLEDGE_SERVICE_URL", pledgeService::baseUrl);
        registry.add("NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort);
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

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
