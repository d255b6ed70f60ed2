package org.pledgeworks.notification.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a delivery again: exponential (the initial delay, doubled for each further failure)
 * up to a cap, with "equal jitter": half of the delay is fixed, the other half random, so delays keep
 * growing while many deliveries deferred by one outage spread out instead of retrying in step.
 */
final class RetryBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    RetryBackoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** @param failures how many attempts have failed so far, at least 1 */
    Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        long ceiling = ceiling(failures);
        long half = ceiling / 2;
        return Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
    }

    /** The delay without jitter: initial × 2^(failures−1), at most the cap (and never overflowing). */
    long ceiling(int failures) {
        int doublings = failures - 1;
        if (doublings >= 62 || initialMillis > (maxMillis >> Math.min(doublings, 62))) {
            return maxMillis;
        }
        return Math.min(maxMillis, initialMillis << doublings);
    }
}
