package org.pledgeworks.bench;

/** The two ways the results file rounds and ranks numbers, the same for every step. */
final class Figures {

    private Figures() {
    }

    /** Three decimals: the results file stays readable, and no figure is measured finer than that. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Nearest-rank percentile of an ascending array (the same definition for every latency the harness times itself). */
    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
