package org.pledgeworks.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waiting on a running stack from outside, as the stack tests do: ask again every half second until
 * the answer is the one wanted or the patience runs out. Every wait is bounded.
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(500);

    /** What is asked again; it may throw, as an HTTP call or a file read does while a process starts. */
    @FunctionalInterface
    public interface Check<T> {
        T get() throws Exception;
    }

    private Eventually() {
    }

    /**
     * Waits up to {@code patience} for {@code check} to give what {@code done} accepts. A check that throws
     * has not got there yet (a process still starting, a route not yet open); if nothing is accepted in
     * time, its last failure is the cause of the assertion error.
     */
    public static <T> T eventually(String what, Duration patience, Check<T> check, Predicate<? super T> done) {
        Instant deadline = Instant.now().plus(patience);
        T last = null;
        Exception lastFailure = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = check.get();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            catch (Exception e) {
                lastFailure = e;
            }
            pause(POLL);
        }
        throw new AssertionError("waited " + patience + " for " + what + "; last seen: " + last, lastFailure);
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
