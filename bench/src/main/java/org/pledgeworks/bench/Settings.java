package org.pledgeworks.bench;

import java.time.Duration;

/**
 * How long and how hard one run goes. Smoke proves the harness end to end in a few minutes; full is
 * the measurement. Every load loop has a bounded number of steps and a bounded time per step.
 *
 * @param stepDuration     how long each ramp step holds its rate
 * @param maxSteps         the ramp stops after this many steps whatever happens
 * @param factor           each step's rate is the previous one's times this
 * @param gatewayStartRate first step of the gateway ramp, requests/s
 * @param signStartRate    first step of the signing ramp, requests/s
 * @param steady           the run at 80% of the signing maximum
 * @param mailRun          the run at 50% of the signing maximum whose mails are timed
 * @param p99BoundMillis   a step is sustainable when it has no errors and p99 at most this
 * @param fanOutSizes      subscriber counts of the fan-out step
 */
record Settings(String mode, Duration stepDuration, int maxSteps, double factor, double gatewayStartRate,
        double signStartRate, Duration steady, Duration mailRun, long p99BoundMillis, int[] fanOutSizes) {

    static Settings smoke() {
        return new Settings("smoke", Duration.ofSeconds(5), 3, 2.0, 20, 5, Duration.ofSeconds(15),
                Duration.ofSeconds(10), 100, new int[] { 10_000 });
    }

    static Settings full(int steadyMinutes) {
        return new Settings("full", Duration.ofSeconds(30), 12, 1.3, 200, 25, Duration.ofMinutes(steadyMinutes),
                Duration.ofSeconds(60), 100, new int[] { 100_000, 1_000_000 });
    }

    static Settings fromArgs(String[] args) {
        boolean smoke = false;
        int minutes = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--full" -> smoke = false;
                case "--minutes" -> minutes = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --smoke, --full, --minutes N)");
            }
        }
        if (minutes < 1 || minutes > 120) {
            throw new IllegalArgumentException("--minutes must be 1..120");
        }
        return smoke ? smoke() : full(minutes);
    }
}
