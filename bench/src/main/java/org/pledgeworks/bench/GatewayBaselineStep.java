package org.pledgeworks.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Figure 1: the highest sustainable rate of a static file the gateway serves itself, the baseline
 * signing is compared with.
 */
final class GatewayBaselineStep {

    private static final String STATIC_PATH = "/favicon.svg";

    private final Settings settings;
    private final RunReport report;
    private final Ramp ramp;
    private final LoadRun load;
    private final StackHttp http;

    GatewayBaselineStep(Settings settings, RunReport report, Ramp ramp, LoadRun load, StackHttp http) {
        this.settings = settings;
        this.report = report;
        this.ramp = ramp;
        this.load = load;
        this.http = http;
    }

    /** The gateway's maximum, requests/s, or 0 when no step was sustainable. */
    double measure() {
        if (http.status(STATIC_PATH) != 200) {
            throw new IllegalStateException("GET " + STATIC_PATH + " through the gateway is not 200");
        }
        Console.say("(1) gateway baseline: GET " + STATIC_PATH);
        ObjectNode node = report.root().putObject("gatewayBaseline");
        node.put("route", "GET " + STATIC_PATH + " (a static file the gateway serves itself)");
        LoadRun.Result best = ramp.climb((rate, duration, description) -> load.run(GatewaySimulation.class,
                new LoadParameters(http.base(), STATIC_PATH, rate, duration, "", false), description),
                settings.gatewayStartRate(), "gateway", node.putArray("steps"));
        node.set("max", best == null ? null : report.figures(best));
        return best == null ? 0 : best.targetRate();
    }
}
