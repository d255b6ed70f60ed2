package org.pledgeworks.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Signing the demo pledge through the gateway, every request with an address never used before in
 * this run (a repeat would take pledge-service's cheaper "already signed" path). 202 is success;
 * anything else, or no answer within Gatling's request timeout, is an error.
 */
public class SignSimulation extends Simulation {

    static final String SLUG = "no-forced-labour";

    /** Across all runs of one harness JVM, so the ramp, the steady run and the mail run never repeat an address. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A signature of the demo pledge; {@code #{email}} from the feeder. */
    static final String BODY = "{\"name\":\"Bench Signer\",\"email\":\"#{email}\",\"country\":\"GB\",\"consentToUpdates\":false}";

    /** Addresses never used before: the run's prefix and a number from {@code sequence}. */
    static Iterator<Map<String, Object>> addresses(LoadParameters p, AtomicLong sequence) {
        return Stream.generate(() -> Map.<String, Object>of("email",
                p.emailPrefix() + "." + sequence.incrementAndGet() + "@bench.example.org")).iterator();
    }

    static HttpProtocolBuilder protocol(LoadParameters p) {
        return http.baseUrl(p.baseUrl()).shareConnections().disableCaching()
                .contentTypeHeader("application/json").acceptHeader("application/json");
    }

    public SignSimulation() {
        LoadParameters p = LoadParameters.current();
        Iterator<Map<String, Object>> addresses = addresses(p, SEQUENCE);
        HttpProtocolBuilder protocol = protocol(p);
        ScenarioBuilder sign = scenario("sign")
                .feed(addresses)
                .exec(http("sign").post("/api/campaigns/" + SLUG + "/pledges")
                        .body(StringBody(BODY))
                        .check(status().is(202)))
                .exec(session -> {
                    if (p.recordAccepted() && !session.isFailed()) {
                        AcceptedPledges.accepted(session.getString("email"), System.currentTimeMillis());
                    }
                    return session;
                });
        setUp(sign.injectOpen(constantUsersPerSec(p.rate()).during(p.duration())))
                .protocols(protocol)
                .maxDuration(p.hardLimit());
    }
}
