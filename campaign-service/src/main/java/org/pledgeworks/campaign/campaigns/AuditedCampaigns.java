package org.pledgeworks.campaign.campaigns;

import java.util.Optional;

import org.pledgeworks.campaign.audit.CampaignParties;

import org.springframework.stereotype.Component;

/** Tells the audit log whose campaign an event names, so that the log need not know campaigns. */
@Component
class AuditedCampaigns implements CampaignParties {

    private final CampaignRepository repository;

    AuditedCampaigns(CampaignRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Parties> of(String campaignId) {
        return repository.findById(campaignId)
                .map(c -> new Parties(c.title(), c.ownerOrganisation(), c.organisations()));
    }
}
