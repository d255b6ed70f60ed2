package org.pledgeworks.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.pledgeworks.infra.process.Readiness;
import org.pledgeworks.infra.process.Readiness.Waiting;

/** One start of the stack as the person at the terminal follows it: a line per step, timed from the start. */
final class StartProgress {

    private final Consumer<String> lines;
    private final Duration timeout;
    private final Instant begin = Instant.now();

    StartProgress(Consumer<String> lines, Duration timeout) {
        this.lines = lines;
        this.timeout = timeout;
    }

    void say(String line) {
        lines.accept(line);
    }

    /** Waits until every one is ready, saying so for each ("kafka ready after 6.1 s (127.0.0.1:9092)"). */
    void awaitAll(List<Waiting> waits) {
        Readiness.awaitAll(waits, timeout,
                ready -> lines.accept(String.format(Locale.ROOT, "%-20s ready after %4.1f s (%s)", ready.name(),
                        elapsed().toMillis() / 1000.0, ready.probe().target())));
    }

    Duration elapsed() {
        return Duration.between(begin, Instant.now());
    }
}
