package org.pledgeworks.gateway.system;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.http.MediaType;

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
    void metricsAreExposedForPrometheus() {
        client.get().uri("/api/notifications/x").exchange(); // make a breaker and a gateway metric exist

        String metrics = client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("jvm_memory_used_bytes", "application=\"gateway\"");
    }

    @Test
    void nothingElseOfTheActuatorIsExposed() {
        for (String endpoint : new String[] {"env", "beans", "configprops", "gateway", "heapdump", "loggers"}) {
            client.get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
        }
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
