package org.pledgeworks.gateway.system;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The liveness and readiness probes on the public port, at the actuator's own paths, while the actuator
 * itself (metrics, the full health report) listens only on the management port. The launcher and
 * Kubernetes probes keep working unchanged; the answer is the status alone, no details.
 */
@RestController
class PublicHealth {

    private final HealthEndpoint health;

    PublicHealth(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping("/actuator/health/{probe:readiness|liveness}")
    ResponseEntity<Map<String, String>> probe(@PathVariable String probe) {
        HealthDescriptor descriptor = health.healthForPath(probe);
        Status status = descriptor == null ? Status.UNKNOWN : descriptor.getStatus();
        HttpStatus code = Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(code).body(Map.of("status", status.getCode()));
    }
}
