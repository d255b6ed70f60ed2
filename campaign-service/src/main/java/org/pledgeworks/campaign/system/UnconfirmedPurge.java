package org.pledgeworks.campaign.system;

import java.time.Instant;

/**
 * A feature with a double opt-in (interest, RSVPs) whose unconfirmed sign-ups are deleted once their
 * confirm link has expired ({@link PendingPurge} runs each).
 */
public interface UnconfirmedPurge {

    /** @return how many it deleted */
    long purgeUnconfirmed(Instant now);

    /** What it keeps, for the log: "interest(s) in opportunities". */
    String what();
}
