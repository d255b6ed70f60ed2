package org.pledgeworks.campaign.endorsements;

import org.springframework.stereotype.Component;

/** What other features may ask of endorsements: whether an organisation stands behind a campaign now. */
@Component
public class Endorsers {

    private final EndorsementRepository repository;

    Endorsers(EndorsementRepository repository) {
        this.repository = repository;
    }

    public boolean endorses(String campaignId, String organisationId) {
        return repository.find(campaignId, organisationId).filter(Endorsement::standing).isPresent();
    }
}
