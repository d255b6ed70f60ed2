package org.pledgeworks.bench;

import java.util.Locale;

/** The run's progress on standard output, prefixed so that it stands apart from the stack's own lines. */
final class Console {

    private Console() {
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
    }

    /** One load step in one line: what was asked, what came back, and who took the CPU. */
    static void print(String label, LoadRun.Result r) {
        say(String.format(Locale.ROOT,
                "    %-8s %6.0f/s: %6d req, %4d errors, p50 %4d, p95 %4d, p99 %5d ms; generator CPU %2.0f%%, machine busy %2.0f%%",
                label, r.targetRate(), r.requests(), r.ko(), r.p50(), r.p95(), r.p99(), 100 * r.cpu().generatorShare(),
                100 * r.cpu().machineBusy()));
    }
}
