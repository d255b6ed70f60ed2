package org.pledgeworks.campaign.milestones;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/**
 * Counts verified signatures per campaign, exactly as pledge-service's public count does (a signature
 * held in quarantine counts only once released), and announces each threshold once.
 */
@Service
class Milestones {

    static final String VERIFIED = "verified";
    static final String WITHDRAWN = "withdrawn";
    /** verified but held in quarantine by pledge-service: not counted (unless released later) */
    static final String HELD = "held";

    private final Tally tally;
    private final CampaignAccess campaigns;
    private final EventOutbox outbox;
    private final Clock clock;

    Milestones(Tally tally, CampaignAccess campaigns, EventOutbox outbox, Clock clock) {
        this.tally = tally;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @param counted false when pledge-service holds the signature in quarantine: it waits for a release */
    void verified(String eventId, String signatureId, String campaignId, boolean counted) {
        Campaign campaign = campaigns.byId(campaignId).orElse(null);
        if (campaign == null) {
            return; // not a campaign of ours
        }
        if (!counted) {
            // remembered, so that a withdrawal of it takes nothing off; never overwrites a later state
            if (tally.signatureState(signatureId).isEmpty()) {
                tally.recordSignature(signatureId, campaignId, HELD);
            }
            return;
        }
        count(eventId, signatureId, campaign);
    }

    /** Staff released a verified signature from quarantine: it counts from now on, once. */
    void released(String eventId, String signatureId, String campaignId) {
        Campaign campaign = campaigns.byId(campaignId).orElse(null);
        if (campaign == null) {
            return;
        }
        count(eventId, signatureId, campaign);
    }

    private void count(String eventId, String signatureId, Campaign campaign) {
        String campaignId = campaign.id();
        String state = tally.signatureState(signatureId).orElse(null);
        if (state != null && !HELD.equals(state)) {
            // counted before (or withdrawn since): a replay. Announcing again is harmless (each
            // threshold's marker is written once) and finishes what a crash may have interrupted.
            announce(campaign, tally.count(campaignId));
            return;
        }
        long count = tally.apply(campaignId, eventId, +1);
        tally.recordSignature(signatureId, campaignId, VERIFIED);
        announce(campaign, count);
    }

    void withdrawn(String eventId, String signatureId, String campaignId, boolean wasVerified) {
        String state = tally.signatureState(signatureId).orElse(null);
        if (WITHDRAWN.equals(state)) {
            return;
        }
        if (wasVerified && VERIFIED.equals(state)) {
            tally.apply(campaignId, eventId, -1);
        }
        tally.recordSignature(signatureId, campaignId, WITHDRAWN);
    }

    private void announce(Campaign campaign, long count) {
        List<Long> reached = tally.reached(campaign.id());
        for (long threshold : campaign.thresholds()) {
            if (threshold > count || reached.contains(threshold)) {
                continue;
            }
            MilestoneReached event = new MilestoneReached(UUID.randomUUID(), clock.instant(), campaign.id(),
                    campaign.slug(), campaign.title(), threshold, count, campaign.goal());
            PendingEvent pending = outbox.pending(MilestoneReached.TYPE, campaign.id(), event.eventId(), event);
            if (tally.markReached(campaign.id(), threshold, pending)) {
                outbox.relay(Tally.TALLIES, campaign.id(), List.of(pending));
            }
        }
    }

    Progress progress(StaffMember member, String campaignId) {
        Campaign campaign = campaigns.forReading(member, campaignId);
        return new Progress(campaign.id(), tally.count(campaignId), campaign.goal(), campaign.thresholds(),
                tally.reached(campaignId));
    }

    record Progress(String campaignId, long verifiedCount, long goal, List<Long> thresholds, List<Long> reached) {
    }
}
