package org.pledgeworks.campaign.endorsements;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One organisation's endorsement of one campaign, withdrawn or not. There is one per pair: endorsing again
 * after a withdrawal renews the same one, so the page never lists an organisation twice.
 *
 * @param endorsedAt when the current endorsement was given (renewed: the renewal)
 * @param withdrawnAt null while it stands
 */
record Endorsement(String campaignId, String organisationId, String quote, String endorsedBy, Instant endorsedAt,
        Instant withdrawnAt, long revision) {

    /** A state change and the events it causes; no events: nothing changed, nothing is written. */
    record Change(Endorsement after, List<EndorsementEvent> events) {
    }

    static String idOf(String campaignId, String organisationId) {
        return campaignId + "/" + organisationId;
    }

    String id() {
        return idOf(campaignId, organisationId);
    }

    boolean standing() {
        return withdrawnAt == null;
    }

    static Change given(String campaignId, String organisationId, String quote, String by, Instant now) {
        Endorsement endorsement = new Endorsement(campaignId, organisationId, quote, by, now, null, 0);
        return new Change(endorsement, List.of(CampaignEndorsed.of(endorsement, UUID.randomUUID(), now)));
    }

    /** Endorsing what stands with another quote re-announces it; with the same quote it changes nothing. */
    Change endorsedAgain(String newQuote, String by, Instant now) {
        if (standing() && Objects.equals(quote, newQuote)) {
            return new Change(this, List.of());
        }
        Instant since = standing() ? endorsedAt : now;
        Endorsement after = new Endorsement(campaignId, organisationId, newQuote, by, since, null, revision);
        return new Change(after, List.of(CampaignEndorsed.of(after, UUID.randomUUID(), now)));
    }

    Change withdrawn(String by, Instant now) {
        if (!standing()) {
            return new Change(this, List.of());
        }
        Endorsement after = new Endorsement(campaignId, organisationId, quote, by, endorsedAt, now, revision);
        return new Change(after, List.of(new CampaignEndorsementWithdrawn(UUID.randomUUID(), now, campaignId,
                organisationId)));
    }
}
