package org.pledgeworks.bench;

import java.time.Duration;

/**
 * How long and how hard one run goes. Smoke proves the harness end to end in a few minutes; quick
 * checks signing and fan-out against the full runs' figures in about ten; full is the measurement; soak
 * measures nothing and looks for failures over an hour or more.
 * Every load loop has a bounded number of steps and a bounded time per step.
 *
 * @param stepDuration     how long each ramp step holds its rate
 * @param warmUp           how long the second warm-up step (half the start rate) holds before a ramp
 * @param maxSteps         the ramp stops after this many steps whatever happens
 * @param factor           each step's rate is the previous one's times this
 * @param gatewayStartRate first step of the gateway ramp, requests/s
 * @param signStartRate    first step of the signing ramp, requests/s
 * @param steady           the run at 80% of the signing maximum; in a soak, how long the soak's load goes on
 * @param mailRun          the run at 50% of the signing maximum whose mails are timed
 * @param p99BoundMillis   a step is sustainable when it has no errors and p99 at most this
 * @param fanOutSizes      subscriber counts of the fan-out step
 * @param fanOutBound      each fan-out size stops after this long, and is then reported incomplete
 * @param ceilingRun       how long the provider fake alone is blasted for its accept ceiling
 * @param jfr              record every service with Java Flight Recorder (profile settings)
 * @param fanOutOnly       start-up and fan-out only: no HTTP load steps (figures 1 to 3)
 */
record Settings(String mode, Duration stepDuration, Duration warmUp, int maxSteps, double factor, double gatewayStartRate,
        double signStartRate, Duration steady, Duration mailRun, long p99BoundMillis, int[] fanOutSizes,
        Duration fanOutBound, Duration ceilingRun, boolean jfr, boolean fanOutOnly) {

    /**
     * Seven JVMs compile the request paths with C2 on two cores for minutes after a start (the gateway
     * alone spent 106 s in its JIT compilers by its fourth minute under load): a 30 s warm-up left the
     * signing ramp measuring the compilers, and the same stack sustained twice the rate once warm.
     */
    private static final Duration FULL_WARM_UP = Duration.ofMinutes(3);

    static Settings smoke() {
        return new Settings("smoke", Duration.ofSeconds(5), Duration.ofSeconds(5), 3, 2.0, 20, 5, Duration.ofSeconds(15),
                Duration.ofSeconds(10), 100, new int[] { 10_000 }, Duration.ofMinutes(3), Duration.ofSeconds(3), false, false);
    }

    /**
     * A regression check in about ten minutes: the fan-out to 100,000 first, on the fresh stack, as the
     * fan-out-only runs measure it; then signing's ramp from 114/s with full-length (30 s, x1.3) steps,
     * so its steps land on the full runs' rates (114, 148, 192, 250, 325), and one steady minute. No
     * gateway baseline, mail run, spike, second start-up or AppCDS training: none of them is what a
     * change to the plumbing under signing and fan-out would move first.
     */
    static Settings quick() {
        return new Settings("quick", Duration.ofSeconds(30), Duration.ofSeconds(60), 5, 1.3, 200, 114, Duration.ofMinutes(1),
                Duration.ofSeconds(60), 100, new int[] { 100_000 }, Duration.ofMinutes(5), Duration.ofSeconds(15), false, false);
    }

    static Settings full(int steadyMinutes) {
        return new Settings("full", Duration.ofSeconds(30), FULL_WARM_UP, 12, 1.3, 200, 10, Duration.ofMinutes(steadyMinutes),
                Duration.ofSeconds(60), 100, new int[] { 100_000, 1_000_000 }, Duration.ofMinutes(15),
                Duration.ofSeconds(15), false, false);
    }

    /**
     * Issue 24's soak: no ramp and no figure, {@code minutes} of mixed load on one stack and the checks
     * after it (see SoakStep); only {@code steady} (the length) means something here.
     */
    static Settings soak(int minutes) {
        return new Settings("soak", Duration.ofSeconds(30), Duration.ZERO, 0, 1.0, 0, SoakStep.SIGN_RATE,
                Duration.ofMinutes(minutes), Duration.ZERO, 100, new int[] { SoakStep.BATCH }, Duration.ofMinutes(3),
                Duration.ZERO, false, false);
    }

    static Settings fromArgs(String[] args) {
        boolean smoke = false;
        boolean quick = false;
        boolean soak = false;
        int minutes = -1;
        int fanOutMax = Integer.MAX_VALUE;
        int fanOutMinutes = -1;
        boolean jfr = false;
        boolean fanOutOnly = false;
        double signStart = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--quick" -> quick = true;
                case "--soak" -> soak = true;
                case "--full" -> smoke = false;
                case "--minutes" -> minutes = Integer.parseInt(value(args, ++i));
                case "--fanout-max" -> fanOutMax = Integer.parseInt(value(args, ++i));
                case "--fanout-minutes" -> fanOutMinutes = Integer.parseInt(value(args, ++i));
                case "--jfr" -> jfr = true;
                case "--fanout-only" -> fanOutOnly = true;
                case "--sign-start" -> signStart = Double.parseDouble(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --smoke, --quick, --full, --soak, --minutes N, --fanout-max N, --fanout-minutes N, --fanout-only, --jfr,"
                        + " --sign-start R)");
            }
        }
        if (minutes != -1 && (minutes < 1 || minutes > 600)) {
            throw new IllegalArgumentException("--minutes must be 1..600");
        }
        if (minutes > 120 && !soak) {
            throw new IllegalArgumentException("--minutes must be 1..120 (up to 600 with --soak)");
        }
        if (fanOutMax < 1 || fanOutMax > 2_000_000 && fanOutMax != Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--fanout-max must be 1..2000000");
        }
        if (fanOutMinutes != -1 && (fanOutMinutes < 1 || fanOutMinutes > 120)) {
            throw new IllegalArgumentException("--fanout-minutes must be 1..120");
        }
        if (signStart != -1 && (signStart < 1 || signStart > 10_000)) {
            throw new IllegalArgumentException("--sign-start must be 1..10000 requests/s");
        }
        if ((smoke ? 1 : 0) + (quick ? 1 : 0) + (soak ? 1 : 0) > 1) {
            throw new IllegalArgumentException("--smoke, --quick and --soak are modes: choose one");
        }
        if (soak) {
            return soak(minutes == -1 ? 60 : minutes);
        }
        Settings s = smoke ? smoke() : quick ? quick() : full(minutes == -1 ? 10 : minutes);
        int max = fanOutMax;
        int[] sizes = java.util.Arrays.stream(s.fanOutSizes()).filter(n -> n <= max).toArray();
        if (sizes.length == 0) {
            sizes = new int[] { max }; // smaller than every default size: that one size
        }
        return new Settings(s.mode(), s.stepDuration(), s.warmUp(), s.maxSteps(), s.factor(), s.gatewayStartRate(),
                signStart > 0 ? signStart : s.signStartRate(), s.steady(), s.mailRun(), s.p99BoundMillis(), sizes,
                fanOutMinutes > 0 ? Duration.ofMinutes(fanOutMinutes) : s.fanOutBound(), s.ceilingRun(), jfr, fanOutOnly);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
