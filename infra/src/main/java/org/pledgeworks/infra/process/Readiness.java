package org.pledgeworks.infra.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Waits for several things at once, so processes that were started together also get ready
 * together, and a process that dies is reported at once instead of after the others.
 */
public final class Readiness {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final int TAIL_LINES = 25;

    /**
     * One thing to wait for. {@code process} is null for something the launcher did not start
     * (an external broker or database): then only the deadline can end the wait early.
     */
    public record Waiting(String name, ManagedProcess process, Probe probe) {
    }

    private Readiness() {
    }

    public static void await(Waiting waiting, Duration timeout) {
        awaitAll(List.of(waiting), timeout, ready -> {
        });
    }

    /**
     * Polls every probe until all pass. Closes every probe before it returns or throws.
     *
     * @throws StartupException when a process exits first or the timeout passes
     */
    public static void awaitAll(List<Waiting> waits, Duration timeout, Consumer<Waiting> onReady) {
        Instant deadline = Instant.now().plus(timeout);
        List<Waiting> pending = new ArrayList<>(waits);
        Map<Waiting, Exception> lastFailure = new HashMap<>();
        try {
            while (true) {
                for (Iterator<Waiting> it = pending.iterator(); it.hasNext(); ) {
                    Waiting waiting = it.next();
                    if (waiting.process() != null && !waiting.process().isAlive()) {
                        throw died(waiting);
                    }
                    try {
                        if (waiting.probe().isReady()) {
                            it.remove();
                            onReady.accept(waiting);
                        }
                    } catch (Exception e) {
                        lastFailure.put(waiting, e);
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw timedOut(pending.get(0), timeout, lastFailure.get(pending.get(0)));
                }
                pauseUnlessOneDies(pending);
            }
        } finally {
            waits.forEach(waiting -> waiting.probe().close());
        }
    }

    private static void pauseUnlessOneDies(List<Waiting> pending) {
        CompletableFuture<?>[] exits = pending.stream()
                .filter(waiting -> waiting.process() != null)
                .map(waiting -> waiting.process().onExit())
                .toArray(CompletableFuture[]::new);
        try {
            if (exits.length == 0) {
                Thread.sleep(POLL.toMillis());
            } else {
                CompletableFuture.anyOf(exits).get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            // the usual case: nobody died, poll again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while waiting for " + pending.get(0).name());
        }
    }

    private static StartupException died(Waiting waiting) {
        ManagedProcess process = waiting.process();
        return new StartupException(waiting.name() + " exited with code " + process.exitCode()
                + " before it was ready; its log is " + process.displayLogFile() + lastLines(process));
    }

    private static StartupException timedOut(Waiting waiting, Duration timeout, Exception last) {
        String reason = last == null ? "" : " (last answer from " + waiting.probe().target() + ": " + describe(last) + ")";
        if (waiting.process() == null) {
            return new StartupException(waiting.name() + " at " + waiting.probe().target()
                    + " did not answer within " + seconds(timeout) + reason);
        }
        return new StartupException(waiting.name() + " did not become ready within " + seconds(timeout)
                + reason + "; its log is " + waiting.process().displayLogFile() + lastLines(waiting.process()));
    }

    private static String lastLines(ManagedProcess process) {
        String tail = process.logTail(TAIL_LINES);
        return tail.isBlank() ? "" : ". Last lines:\n" + tail.indent(4).stripTrailing();
    }

    static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
