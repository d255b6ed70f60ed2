package org.pledgeworks.gateway.system;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the launcher, Prometheus and API clients rely on from the gateway itself. */
class SystemIT extends GatewayITSupport {

    @Test
    void readinessIsUpEvenWithAServiceDown() {
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void theProbesAreMadeOfAvailabilityOnlyNotOfTheDatabase(@Autowired HealthEndpointGroups groups) {
        // the gateway serves pages, routes and fallbacks without its database; only sign-in needs it
        assertThat(groups.get("readiness").isMember("mongo")).isFalse();
        assertThat(groups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(groups.get("liveness").isMember("mongo")).isFalse();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
    }

    @Test
    void metricsAreExposedForPrometheusOnTheManagementPortOnly() {
        client.get().uri("/api/notifications/x").exchange(); // make a breaker and a gateway metric exist

        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("jvm_memory_used_bytes", "application=\"gateway\"");
        assertThat(managementPort).isNotEqualTo(port);
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator").exchange().expectStatus().isNotFound();
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void nothingElseOfTheActuatorIsExposed() {
        for (String endpoint : new String[] {"env", "beans", "configprops", "gateway", "heapdump", "loggers"}) {
            client.get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
            management().get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
        }
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    @Test
    void anApiPathWithNoRouteIsAProblem() {
        client.get().uri("/api/no-such-api").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/no-such-api");
    }
}
