package org.pledgeworks.pledge.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.ServiceIT;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The management endpoints on the service port: what changes state ({@code POST
 * /actuator/countreconciliation}) and what reads more than probes and metrics need operators; the
 * probes, build info and metrics stay open for the launcher, Kubernetes and Prometheus.
 */
class CountReconciliationEndpointIT extends ServiceIT {

    private static final String PATH = "/actuator/countreconciliation";

    @LocalServerPort
    int port;

    @Test
    void onlyAnOperatorRunsTheReconciliation() {
        Api api = new Api(port);
        assertThat(api.post(PATH, null, HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(401);
        assertThat(api.get(PATH, "application/json").statusCode()).isEqualTo(401);
        String campaignAdmin = "Bearer " + StaffTokens.forRoles(Map.of("workers-voice", "admin"));
        assertThat(api.post(PATH, null, HttpRequest.BodyPublishers.noBody(), "Authorization", campaignAdmin)
                .statusCode()).isEqualTo(403);

        String operator = "Bearer " + StaffTokens.forRoles(Map.of("fair-supply-coalition", "admin"));
        var run = api.post(PATH, null, HttpRequest.BodyPublishers.noBody(), "Authorization", operator);
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("\"fixes\"", "\"leftoverOpsSettled\"");
    }

    @Test
    void probesInfoAndMetricsStayOpen() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
        assertThat(api.get("/actuator/info", "application/json").statusCode()).isEqualTo(200);
        var metrics = api.get("/actuator/prometheus", "text/plain");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("pledgeworks_deadletters_pending{", "topic=\"campaigns.dlt\"");
    }

    @Test
    void anyOtherEndpointIsRefusedWithoutAToken() {
        Api api = new Api(port);
        assertThat(api.get("/actuator", "application/json").statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/deadletters", "application/json").statusCode()).isEqualTo(401);
    }
}
