package org.pledgeworks.campaign.opportunities;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.pledgeworks.campaign.audit.AuditAction;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.audit.AuditLog;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.opportunities.Opportunity.Change;
import org.pledgeworks.campaign.opportunities.Opportunity.Status;
import org.pledgeworks.campaign.staff.Role;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.NotAllowedException;
import org.pledgeworks.campaign.system.NotFoundException;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/**
 * Posting, editing, publishing and ending opportunities, and reading them. Who may: staff of any
 * organisation on the campaign read (others get 404, as for the rest of a campaign); only editors and
 * admins of the posting organisation change one (403 for the rest).
 */
@Service
class Opportunities {

    private final OpportunityRepository repository;
    private final CampaignAccess campaigns;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicBaseUrl;

    Opportunities(OpportunityRepository repository, CampaignAccess campaigns, EventOutbox outbox, AuditLog audit,
            Clock clock, CampaignServiceProperties properties) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    Opportunity post(StaffMember member, String campaignId, OpportunityInput input) {
        Campaign campaign = campaigns.forReading(member, campaignId);
        mayChangeFor(member, input.postingOrganisation());
        InvalidInputException.throwIfAny(input.problems());
        if (!campaign.organisations().contains(input.postingOrganisation())) {
            throw new InvalidInputException("postingOrganisation", "must be the campaign's owner or one of its partners");
        }
        Opportunity draft = Opportunity.draft(campaign.id(), input.postingOrganisation(), input.details(), member.id(),
                clock.instant());
        repository.insert(draft);
        return draft;
    }

    Opportunity edit(StaffMember member, String campaignId, String opportunityId, OpportunityInput input) {
        return change(member, campaignId, opportunityId, (campaign, current) -> {
            InvalidInputException.throwIfAny(input.problems());
            if (!current.postingOrganisation().equals(input.postingOrganisation())) {
                throw new InvalidInputException("postingOrganisation", "cannot change; post a new opportunity instead");
            }
            return current.edited(input.details(), campaign, clock.instant(), publicBaseUrl);
        });
    }

    Opportunity publish(StaffMember member, String campaignId, String opportunityId) {
        Opportunity published = change(member, campaignId, opportunityId,
                (campaign, current) -> current.published(campaign, clock.instant(), publicBaseUrl));
        // in the log of the organisation it was posted for, and in the campaign owner's
        campaigns.byId(published.campaignId()).ifPresent(c -> audit.onOrganisations(member,
                List.of(published.postingOrganisation(), c.ownerOrganisation()), AuditAction.OPPORTUNITY_PUBLISHED,
                new Subject("opportunity", published.id(), published.details().title()),
                Map.of("campaignId", c.id())));
        return published;
    }

    Opportunity end(StaffMember member, String campaignId, String opportunityId, Status outcome) {
        return change(member, campaignId, opportunityId,
                (campaign, current) -> current.ended(outcome, campaign, clock.instant()));
    }

    Opportunity one(StaffMember member, String campaignId, String opportunityId) {
        return find(campaigns.forReading(member, campaignId), opportunityId);
    }

    List<Opportunity> forStaff(StaffMember member, String campaignId) {
        return repository.forCampaign(campaigns.forReading(member, campaignId).id(), 500);
    }

    Campaign publicCampaign(String slug) {
        return campaigns.publishedBySlug(slug);
    }

    List<Opportunity> published(Campaign campaign, OpportunityFilter filter, int page, int size) {
        return repository.published(campaign.id(), filter, page, size);
    }

    long countPublished(Campaign campaign, OpportunityFilter filter) {
        return repository.countPublished(campaign.id(), filter);
    }

    /**
     * An opportunity as the public sees it: published, or ended (a link in a mail keeps working and says
     * so), of a public campaign. Drafts and everything of a draft campaign are not found.
     */
    OpportunityView publicView(String opportunityId) {
        Opportunity opportunity = repository.find(opportunityId).filter(o -> o.status() != Status.DRAFT)
                .orElseThrow(() -> new OpportunityNotFoundException(opportunityId));
        Campaign campaign = campaigns.byId(opportunity.campaignId()).filter(Campaign::isPublic)
                .orElseThrow(() -> new OpportunityNotFoundException(opportunityId));
        return OpportunityView.of(opportunity, campaign, publicBaseUrl);
    }

    OpportunityView view(Opportunity opportunity, Campaign campaign) {
        return OpportunityView.of(opportunity, campaign, publicBaseUrl);
    }

    /**
     * Reads, authorises, computes the change and writes it with its events if nothing changed the
     * opportunity meanwhile; then hands the events to the relay (the sweep retries if that fails).
     */
    private Opportunity change(StaffMember member, String campaignId, String opportunityId,
            BiFunction<Campaign, Opportunity, Change> change) {
        Campaign campaign = campaigns.forReading(member, campaignId);
        Opportunity current = find(campaign, opportunityId);
        mayChangeFor(member, current.postingOrganisation());
        Change result = change.apply(campaign, current);
        List<PendingEvent> pending = result.events().stream()
                .map(e -> outbox.pending(e.wireType(), e.campaignId(), e.eventId(), e)).toList();
        if (!outbox.write(OpportunityRepository.COLLECTION, opportunityId, pending,
                events -> repository.changeIfUnchanged(result.after(), events))) {
            throw new ConflictException("Opportunity changed meanwhile",
                    "Someone else changed this opportunity since it was read; read it again and retry.");
        }
        return find(campaign, opportunityId);
    }

    private static void mayChangeFor(StaffMember member, String postingOrganisation) {
        if (!member.roleIn(postingOrganisation).map(Role::canChange).orElse(false)) {
            throw new NotAllowedException("Only editors and admins of the posting organisation change an opportunity.");
        }
    }

    private Opportunity find(Campaign campaign, String opportunityId) {
        return repository.find(opportunityId).filter(o -> o.campaignId().equals(campaign.id()))
                .orElseThrow(() -> new NotFoundException("No opportunity '" + opportunityId + "' on this campaign."));
    }
}
