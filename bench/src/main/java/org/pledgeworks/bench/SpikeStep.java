package org.pledgeworks.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ten times the signing maximum for 30 s (smoke: 5 s), after figure 3: DESIGN.md asks that the excess
 * be answered 429/503 with {@code Retry-After}, fast, and that every accepted pledge be stored. Every
 * answer is kept by status ({@link SpikeSimulation}); the arrivals are counted again with the spike's 202s.
 */
final class SpikeStep {

    // ten times the ramp's knee (p99 <= 100 ms), not three: run 16's spike at 3 x was absorbed (3,568 of
    // 3,600 accepted), the knee sits well below the throughput the stack can still take for 30 s
    private static final int SPIKE_FACTOR = 10;

    private final RunReport report;
    private final SignLoad sign;
    private final boolean smoke;

    SpikeStep(RunReport report, SignLoad sign, boolean smoke) {
        this.report = report;
        this.sign = sign;
        this.smoke = smoke;
    }

    void measure(double signMax) throws InterruptedException {
        ObjectNode node = report.root().putObject("spike");
        if (signMax <= 0) {
            node.put("status", "skipped: no sustainable signing rate");
            return;
        }
        double rate = Math.round(signMax * SPIKE_FACTOR);
        Duration duration = Duration.ofSeconds(smoke ? 5 : 30);
        Console.say(String.format(Locale.ROOT, "spike: signing at %.0f/s (%d x the maximum) for %d s", rate, SPIKE_FACTOR,
                duration.toSeconds()));
        node.put("factor", SPIKE_FACTOR);
        SpikeOutcomes.clear();
        LoadRun.Result run = sign.spike(rate, duration);
        node.put("targetRate", rate);
        node.put("seconds", duration.toSeconds());
        node.put("loadGeneratorCpuShare", Figures.round(run.cpu().generatorShare()));
        node.put("machineCpuBusy", Figures.round(run.cpu().machineBusy()));
        node.put("gatlingReport", report.relative(run.report()));
        long accepted = 0;
        long other = 0;
        List<Long> turnedAway = new ArrayList<>();
        boolean allWithRetryAfter = true;
        ObjectNode byStatus = node.putObject("byStatus");
        for (Map.Entry<Integer, List<SpikeOutcomes.Answer>> e : SpikeOutcomes.snapshot().entrySet()) {
            long[] millis = e.getValue().stream().mapToLong(SpikeOutcomes.Answer::millis).sorted().toArray();
            long withRetryAfter = e.getValue().stream().filter(SpikeOutcomes.Answer::retryAfter).count();
            ObjectNode entry = byStatus.putObject(e.getKey() == 0 ? "other or none" : Integer.toString(e.getKey()));
            entry.put("count", millis.length);
            entry.put("p50Millis", Figures.percentile(millis, 50));
            entry.put("p99Millis", Figures.percentile(millis, 99));
            entry.put("maxMillis", millis[millis.length - 1]);
            entry.put("withRetryAfter", withRetryAfter);
            switch (e.getKey()) {
                case 202 -> accepted += millis.length;
                case 429, 503 -> {
                    Arrays.stream(millis).forEach(turnedAway::add);
                    allWithRetryAfter &= withRetryAfter == millis.length;
                }
                default -> other += millis.length;
            }
        }
        sign.accepted(accepted);
        long[] away = turnedAway.stream().mapToLong(Long::longValue).sorted().toArray();
        node.put("accepted", accepted);
        node.put("turnedAway", away.length);
        node.put("otherOrNoAnswer", other);
        node.put("turnedAwayAllWithRetryAfter", allWithRetryAfter);
        if (away.length > 0) {
            node.put("turnedAwayP99Millis", Figures.percentile(away, 99));
            node.put("turnedAwayFast", Figures.percentile(away, 99) <= 100);
        }
        Arrivals.Count count = sign.arrivals(node);
        Console.say(String.format(Locale.ROOT, "    %d accepted, %d turned away (p99 %s ms, Retry-After on all: %s), %d other or"
                + " no answer; accepted so far %d, stored %d, on the topic %d", accepted, away.length,
                away.length > 0 ? Figures.percentile(away, 99) : "-", allWithRetryAfter, other, sign.accepted(), count.stored(),
                count.published()));
    }
}
