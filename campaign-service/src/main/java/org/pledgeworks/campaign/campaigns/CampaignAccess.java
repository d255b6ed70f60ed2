package org.pledgeworks.campaign.campaigns;

import java.util.List;
import java.util.Optional;

import org.pledgeworks.campaign.system.NotAllowedException;
import org.pledgeworks.campaign.staff.Role;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Object-level authorisation for everything staff do to a campaign and what hangs off it (updates,
 * the progress card): staff of an organisation that is not on the campaign get 404, as if it did not
 * exist; viewers may read but get 403 when they try to change something.
 */
@Component
public class CampaignAccess {

    private final CampaignRepository repository;

    CampaignAccess(CampaignRepository repository) {
        this.repository = repository;
    }

    public Campaign forReading(StaffMember member, String campaignId) {
        return find(member, campaignId);
    }

    public Campaign forChanging(StaffMember member, String campaignId) {
        Campaign campaign = find(member, campaignId);
        if (!member.roleOn(campaign.organisations()).map(Role::canChange).orElse(false)) {
            throw new NotAllowedException("Viewers cannot change a campaign.");
        }
        return campaign;
    }

    public Optional<Campaign> byId(String campaignId) {
        return repository.findById(campaignId);
    }

    public Campaign publishedBySlug(String slug) {
        return repository.findPublishedBySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
    }

    /** The open and closed campaigns an organisation owns or partners, for its public profile; never drafts. */
    public List<Campaign> listedFor(String organisation, int limit) {
        return repository.findListedForOrganisation(organisation, limit);
    }

    private Campaign find(StaffMember member, String campaignId) {
        return repository.findById(campaignId)
                .filter(c -> member.roleOn(c.organisations()).isPresent())
                .orElseThrow(() -> new NotFoundException("No campaign '" + campaignId + "' for you."));
    }
}
