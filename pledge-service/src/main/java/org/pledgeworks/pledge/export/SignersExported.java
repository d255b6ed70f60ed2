package org.pledgeworks.pledge.export;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code signers-exported.v1} on topic {@code pledges}, key = campaignId: who downloaded a campaign's signers
 * and how many rows, never who was in them.
 *
 * @param complete false when the download was cut off before its last row
 */
record SignersExported(UUID eventId, Instant occurredAt, String campaignId, Actor actor, long rows, String format,
        boolean complete) {

    static final String TYPE = "signers-exported.v1";

    /** The staff account (the token's subject) and the name it carried. */
    record Actor(String accountId, String name) {
    }
}
