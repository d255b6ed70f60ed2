package org.pledgeworks.notification.mail;

import java.time.Instant;

/**
 * What became of one mail handed to a transport.
 *
 * @param result   what to do next with the delivery
 * @param reason   safe to log and store: never the address or the provider's reply text
 * @param retryAt  for {@link Result#POSTPONED}: not before this
 * @param suppress for {@link Result#REJECTED}: the address itself is bad (inactive, invalid): no mail
 *                 may go to it again
 */
public record SendOutcome(Result result, String reason, Instant retryAt, boolean suppress) {

    public enum Result {
        /** The provider has it. */
        SENT,
        /** Try again later, with back-off; counts as a failed attempt (5xx, timeout, reset after retries). */
        FAILED_TRANSIENTLY,
        /** Try again at {@code retryAt}; not a failure (rate limited, circuit open, throttled). */
        POSTPONED,
        /** Never try again. */
        REJECTED
    }

    public static SendOutcome sent() {
        return new SendOutcome(Result.SENT, null, null, false);
    }

    public static SendOutcome failedTransiently(String reason) {
        return new SendOutcome(Result.FAILED_TRANSIENTLY, reason, null, false);
    }

    public static SendOutcome postponed(String reason, Instant retryAt) {
        return new SendOutcome(Result.POSTPONED, reason, retryAt, false);
    }

    public static SendOutcome rejected(String reason, boolean suppress) {
        return new SendOutcome(Result.REJECTED, reason, null, suppress);
    }
}
