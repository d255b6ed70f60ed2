package org.pledgeworks.campaign.audit;

import java.util.List;
import java.util.Optional;

/**
 * What the log needs of a campaign that an event names by id: its organisations and its title. The campaigns
 * feature implements it, so that this package, which every feature calls, imports none of them.
 */
public interface CampaignParties {

    Optional<Parties> of(String campaignId);

    /** @param organisations the owner and the partners */
    record Parties(String title, String owner, List<String> organisations) {
    }
}
