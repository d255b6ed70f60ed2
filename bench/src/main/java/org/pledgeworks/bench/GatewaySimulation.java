package org.pledgeworks.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The baseline: a static file served by the gateway itself, at a constant arrival rate (open model). */
public class GatewaySimulation extends Simulation {

    public GatewaySimulation() {
        LoadParameters p = LoadParameters.current();
        HttpProtocolBuilder protocol = http.baseUrl(p.baseUrl()).shareConnections().disableCaching();
        ScenarioBuilder trivial = scenario("gateway-static")
                .exec(http("static").get(p.path()).check(status().is(200)));
        setUp(trivial.injectOpen(constantUsersPerSec(p.rate()).during(p.duration())))
                .protocols(protocol)
                .maxDuration(p.hardLimit());
    }
}
