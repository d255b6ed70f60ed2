package org.pledgeworks.campaign.opportunities;

import java.util.Optional;

import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.campaigns.CampaignStatus;
import org.pledgeworks.campaign.opportunities.Opportunity.Status;
import org.pledgeworks.campaign.staff.Role;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.NotAllowedException;
import org.pledgeworks.campaign.system.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * What other features (interest) may know of an opportunity, and the rules of who may see it, so that they
 * need neither its repository nor its stored shape.
 */
@Component
public class OpportunityDirectory {

    private final OpportunityRepository repository;
    private final CampaignAccess campaigns;

    OpportunityDirectory(OpportunityRepository repository, CampaignAccess campaigns) {
        this.repository = repository;
        this.campaigns = campaigns;
    }

    /**
     * @param defaultLocale the campaign's, for mails to people who named none
     * @param contactEmail  the address the opportunity names for enquiries; null when it names none
     */
    public record Listing(String opportunityId, String title, String postingOrganisation, String campaignId,
            String campaignSlug, String campaignTitle, String defaultLocale, String contactEmail) {
    }

    /** The opportunity whatever its state (the posting organisation hears of interest confirmed before it closed). */
    public Optional<Listing> find(String opportunityId) {
        return repository.find(opportunityId).flatMap(o -> campaigns.byId(o.campaignId()).map(c -> listing(o, c)));
    }

    /**
     * An opportunity that takes interest now: published, on an open campaign. Unknown, a draft or on a
     * draft campaign: 404, as the public read answers; closed, filled, or its campaign no longer open: 409.
     */
    public Listing openForInterest(String opportunityId) {
        Opportunity opportunity = repository.find(opportunityId).filter(o -> o.status() != Status.DRAFT)
                .orElseThrow(() -> new OpportunityNotFoundException(opportunityId));
        Campaign campaign = campaigns.byId(opportunity.campaignId()).filter(Campaign::isPublic)
                .orElseThrow(() -> new OpportunityNotFoundException(opportunityId));
        if (opportunity.status() != Status.PUBLISHED || campaign.status() != CampaignStatus.OPEN) {
            throw new ConflictException("Opportunity not open", "This opportunity takes no more interest; it is "
                    + (opportunity.status() == Status.PUBLISHED ? "on a campaign that has ended" : opportunity.status().wire())
                    + ".");
        }
        return listing(opportunity, campaign);
    }

    /**
     * The opportunity, for staff of its posting organisation only. Not on the campaign: 404, as for the
     * rest of a campaign; on it but of another organisation, or a viewer asking to change: 403.
     *
     * @param change whether the caller means to change something (editors and admins only)
     */
    public Listing forPostingStaff(StaffMember member, String opportunityId, boolean change) {
        Opportunity opportunity = repository.find(opportunityId)
                .orElseThrow(() -> new NotFoundException("No opportunity '" + opportunityId + "'."));
        Campaign campaign = campaigns.forReading(member, opportunity.campaignId());
        Role role = member.roleIn(opportunity.postingOrganisation())
                .orElseThrow(() -> new NotAllowedException("Only staff of the posting organisation see who is interested."));
        if (change && !role.canChange()) {
            throw new NotAllowedException("Only editors and admins of the posting organisation change an interest.");
        }
        return listing(opportunity, campaign);
    }

    private static Listing listing(Opportunity opportunity, Campaign campaign) {
        return new Listing(opportunity.id(), opportunity.details().title(), opportunity.postingOrganisation(),
                campaign.id(), campaign.slug(), campaign.title(), campaign.defaultLocale(),
                opportunity.details().contact() == null ? null : opportunity.details().contact().email());
    }
}
