package org.pledgeworks.campaign.campaigns;

import java.time.Instant;

/** One version of a campaign's pledge text, as signers saw it from {@code revisedAt} on. */
record PledgeTextVersion(int version, String pledgeText, Instant revisedAt, String revisedBy) {
}
