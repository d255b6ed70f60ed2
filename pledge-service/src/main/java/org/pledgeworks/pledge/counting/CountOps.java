package org.pledgeworks.pledge.counting;

import java.time.Instant;
import java.util.Optional;

import org.pledgeworks.pledge.signatures.CountOp;
import org.pledgeworks.pledge.system.PledgeServiceProperties;

import org.springframework.stereotype.Component;

/** Makes the count op a state change needs, if any: the one place that knows what counts. */
@Component
public class CountOps {

    private final int shards;

    CountOps(PledgeServiceProperties properties) {
        this.shards = properties.counts().shards();
    }

    /** A signature counts when verified and not held back (quarantined or invalidated). */
    public static boolean counts(String status, String review) {
        return "VERIFIED".equals(status) && (review == null || "RELEASED".equals(review));
    }

    /** The op that moves a signature's contribution from {@code before} to {@code after}, if they differ. */
    public Optional<CountOp> change(boolean before, boolean after, String country, Instant at) {
        if (before == after) {
            return Optional.empty();
        }
        return Optional.of(CountOp.of(after ? 1 : -1, country, at, shards));
    }
}
