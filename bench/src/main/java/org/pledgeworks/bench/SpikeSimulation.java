package org.pledgeworks.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Signing beyond capacity: the same requests as {@link SignSimulation}, but a 503 or 429 is an answer
 * the design asks for (DESIGN.md: "excess answered 429/503 with Retry-After fast"), so every answer is
 * kept in {@link SpikeOutcomes} by its status, with its time and whether it carried {@code Retry-After}.
 */
public class SpikeSimulation extends Simulation {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    public SpikeSimulation() {
        LoadParameters p = LoadParameters.current();
        Iterator<Map<String, Object>> addresses = SignSimulation.addresses(p, SEQUENCE);
        HttpProtocolBuilder protocol = SignSimulation.protocol(p);
        ScenarioBuilder sign = scenario("spike")
                .feed(addresses)
                .exec(session -> session.set("sentAt", System.nanoTime()))
                .exec(http("spike").post("/api/campaigns/" + SignSimulation.SLUG + "/pledges")
                        .body(StringBody(SignSimulation.BODY))
                        .check(status().in(202, 429, 503).saveAs("status"))
                        .check(header("Retry-After").optional().saveAs("retryAfter")))
                .exec(session -> {
                    long millis = (System.nanoTime() - session.getLong("sentAt")) / 1_000_000;
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    SpikeOutcomes.record(status, millis, session.contains("retryAfter"));
                    return session;
                });
        setUp(sign.injectOpen(constantUsersPerSec(p.rate()).during(p.duration())))
                .protocols(protocol)
                .maxDuration(p.hardLimit());
    }
}
