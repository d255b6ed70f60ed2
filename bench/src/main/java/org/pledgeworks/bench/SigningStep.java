package org.pledgeworks.bench;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Figure 2: signing's highest sustainable rate (a ramp), its ratio to the gateway's, ten minutes (by
 * default) at 80 % of it, and whether every accepted pledge arrived in MongoDB and on the topic.
 */
final class SigningStep {

    private final Settings settings;
    private final RunReport report;
    private final Ramp ramp;
    private final SignLoad sign;

    SigningStep(Settings settings, RunReport report, Ramp ramp, SignLoad sign) {
        this.settings = settings;
        this.report = report;
        this.ramp = ramp;
        this.sign = sign;
    }

    /**
     * Signing's maximum, requests/s; the first step's rate when none was sustainable (flagged in the
     * report). {@code gatewayMax} is the gateway's, 0 when it had no sustainable step, negative when not measured.
     */
    double measure(double gatewayMax) throws InterruptedException {
        Console.say("(2) signing: POST /api/campaigns/" + SignSimulation.SLUG + "/pledges, a new address each time");
        ObjectNode node = report.root().putObject("signing");
        LoadRun.Result best = ramp.climb((rate, duration, description) -> sign.run(rate, duration, description, false),
                settings.signStartRate(), "sign", node.putArray("steps"));
        if (best == null) {
            node.put("max", "no sustainable step");
            // the steady and pledge-to-mail runs still go on, at the first step's rate, so the run reports the
            // latency and completeness there instead of nothing (flagged: it is not a sustainable maximum)
            node.put("fallbackRate", settings.signStartRate());
            Console.say(String.format(Locale.ROOT, "    no sustainable signing step; steady and mail runs go on from %.0f/s",
                    settings.signStartRate()));
            best = new LoadRun.Result(settings.signStartRate(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
        } else {
            node.set("max", report.figures(best));
        }
        if (gatewayMax > 0 && node.has("max") && node.get("max").isObject()) {
            double ratio = best.targetRate() / gatewayMax;
            node.put("ratioToGateway", Figures.round(ratio));
            node.put("targetRatioToGateway", 0.5);
            node.put("ratioWithinTarget", ratio >= 0.5);
            Console.say(String.format(Locale.ROOT, "    signing max %.0f/s = %.2f of the gateway's %.0f/s (target >= 0.5)",
                    best.targetRate(), ratio, gatewayMax));
        } else {
            node.put("ratioToGateway", gatewayMax < 0 ? "no ratio: the gateway baseline was not measured"
                    : "no ratio: one of the two has no sustainable step");
        }

        double rate = Math.max(1, best.targetRate() * 0.8);
        Console.say(String.format(Locale.ROOT, "    steady: %.0f/s (80%%) for %d s", rate, settings.steady().toSeconds()));
        LoadRun.Result steady = sign.run(rate, settings.steady(), "steady-80", false);
        ObjectNode steadyNode = report.figures(steady);
        steadyNode.put("targetP99Millis", 100);
        steadyNode.put("p99WithinTarget", steady.p99() <= 100);
        steadyNode.put("zeroErrors", steady.ko() == 0);
        node.set("steady80", steadyNode);
        Console.print("steady", steady);

        Arrivals.Count count = sign.arrivals(node);
        ((ObjectNode) node.get("arrivals")).put("note", "counts over the whole run so far (ramp + steady): every 202"
                + " the load generator saw against signatures in pledgeworks-pledges.signatures and pledge-signed.v1 records on pledges;"
                + " requests that timed out on the client may still be stored, so stored can exceed accepted");
        Console.say("    accepted " + sign.accepted() + ", stored " + count.stored() + ", on the topic " + count.published());
        return best.targetRate();
    }
}
