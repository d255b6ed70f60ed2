package org.pledgeworks.pledge.signatures;

import java.time.Instant;

/** A signature held back at signing, and what staff decided since. */
public record Review(State state, QuarantineReason reason, Instant at) {

    public enum State {
        /** held: does not count, waits for staff */
        QUARANTINED,
        /** staff let it count (once verified) */
        RELEASED,
        /** staff decided it never counts */
        INVALIDATED
    }
}
