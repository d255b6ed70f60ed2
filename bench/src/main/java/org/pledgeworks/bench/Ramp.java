package org.pledgeworks.bench;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The highest sustainable rate of one request: a stepped open-model ramp after two warm-up steps.
 * A step is sustainable with zero errors and p99 within the bound; the ramp stops at the first that
 * is not, after at most {@link Settings#maxSteps()} steps.
 */
final class Ramp {

    /** One Gatling run at a constant rate. */
    @FunctionalInterface
    interface Step {
        LoadRun.Result run(double rate, Duration duration, String description);
    }

    private final Settings settings;
    private final RunReport report;

    Ramp(Settings settings, RunReport report) {
        this.settings = settings;
        this.report = report;
    }

    /** Every step into {@code steps}; returns the highest sustainable step, or null when the first is not. */
    LoadRun.Result climb(Step step, double startRate, String name, ArrayNode steps) {
        // A fresh stack's JIT has compiled nothing of this path yet: without a warm-up the first step measures
        // the interpreter (the first full run's gateway step at 200/s: 12 % timeouts, p50 109 ms, then fine).
        // Two steps at a quarter (one step long) and half the start rate (settings.warmUp() long: the
        // compilers of seven JVMs need minutes), reported but never the maximum.
        for (double share : new double[] { 0.25, 0.5 }) {
            double rate = Math.max(1, Math.round(startRate * share));
            Duration duration = share < 0.5 ? settings.stepDuration() : settings.warmUp();
            LoadRun.Result warmUp = step.run(rate, duration, name + "-warm-up-" + Math.round(rate));
            ObjectNode entry = report.figures(warmUp);
            entry.put("warmUp", true);
            steps.add(entry);
            Console.print("warm-up", warmUp);
        }
        LoadRun.Result best = null;
        double rate = startRate;
        for (int number = 1; number <= settings.maxSteps(); number++) {
            String description = name + "-step-" + number + "-" + Math.round(rate);
            LoadRun.Result result = step.run(rate, settings.stepDuration(), description);
            boolean sustainable = result.sustainable(settings.p99BoundMillis());
            ObjectNode entry = report.figures(result);
            entry.put("sustainable", sustainable);
            steps.add(entry);
            Console.print("step " + number, result);
            if (!sustainable) {
                break;
            }
            best = result;
            rate = Math.round(rate * settings.factor());
        }
        return best;
    }
}
