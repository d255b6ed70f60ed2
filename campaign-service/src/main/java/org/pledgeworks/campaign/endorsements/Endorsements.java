package org.pledgeworks.campaign.endorsements;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pledgeworks.campaign.audit.AuditAction;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.audit.AuditLog;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.campaigns.CampaignStatus;
import org.pledgeworks.campaign.organisations.OrganisationProfiles;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.staff.Role;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.NotAllowedException;
import org.pledgeworks.campaign.system.NotFoundException;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.springframework.stereotype.Service;

/**
 * Giving, changing and withdrawing endorsements, and reading them. Only an admin of the organisation speaks
 * for it (editors and viewers get 403, a platform operator too: endorsing is the organisation's own word).
 * The organisation must be in the directory, since the page shows its name and logo; the campaign must be
 * open. Withdrawing is allowed whatever the campaign's state.
 */
@Service
class Endorsements {

    /** The page lists at most this many; the count is exact. A coalition's endorsers run to dozens. */
    static final int LISTED = 500;

    private final EndorsementRepository repository;
    private final CampaignAccess campaigns;
    private final OrganisationProfiles organisations;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Endorsements(EndorsementRepository repository, CampaignAccess campaigns, OrganisationProfiles organisations,
            EventOutbox outbox, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.organisations = organisations;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the endorsement, and whether it is new (or renewed after a withdrawal) */
    Given endorse(StaffMember member, String campaignId, String organisationId, String quote) {
        requireAdmin(member, organisationId);
        Campaign campaign = campaigns.byId(campaignId).filter(c -> c.status() != CampaignStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("No campaign '" + campaignId + "'."));
        if (campaign.status() != CampaignStatus.OPEN) {
            throw new ConflictException("Campaign not open",
                    "Campaign '" + campaign.slug() + "' is " + campaign.status().wireName()
                            + "; only an open campaign takes endorsements.");
        }
        if (organisations.find(organisationId).isEmpty()) {
            throw new ConflictException("Organisation has no profile",
                    "Organisation '" + organisationId + "' is not in the directory yet; a platform operator adds it,"
                            + " then its admins endorse.");
        }
        Optional<Endorsement> current = repository.find(campaignId, organisationId);
        if (current.isEmpty()) {
            Endorsement.Change given = Endorsement.given(campaignId, organisationId, quote, member.id(), clock.instant());
            if (!outbox.write(EndorsementRepository.COLLECTION, given.after().id(), pending(given),
                    events -> repository.insert(given.after(), events))) {
                throw changedMeanwhile();
            }
            audited(member, campaign, organisationId, AuditAction.ENDORSED);
            return new Given(given.after(), true);
        }
        Endorsement.Change again = current.get().endorsedAgain(quote, member.id(), clock.instant());
        write(again);
        if (!current.get().standing()) {
            audited(member, campaign, organisationId, AuditAction.ENDORSED);
        }
        return new Given(again.after(), !current.get().standing());
    }

    void withdraw(StaffMember member, String campaignId, String organisationId) {
        requireAdmin(member, organisationId);
        Endorsement current = repository.find(campaignId, organisationId).filter(Endorsement::standing)
                .orElseThrow(() -> new NotFoundException(
                        "Organisation '" + organisationId + "' does not endorse campaign '" + campaignId + "'."));
        write(current.withdrawn(member.id(), clock.instant()));
        campaigns.byId(campaignId).ifPresent(c -> audited(member, c, organisationId, AuditAction.ENDORSEMENT_WITHDRAWN));
    }

    /** In the endorsing organisation's log, which need not be on the campaign, and in the owner's. */
    private void audited(StaffMember member, Campaign campaign, String organisationId, AuditAction action) {
        audit.onOrganisations(member, List.of(organisationId, campaign.ownerOrganisation()), action,
                Subject.campaign(campaign.id(), campaign.title()), Map.of("organisationId", organisationId));
    }

    /** The endorsers of a published campaign with their public profiles, and how many there are. */
    Listing of(String slug) {
        Campaign campaign = campaigns.publishedBySlug(slug);
        List<Endorsement> standing = repository.standing(campaign.id(), LISTED);
        Map<String, OrganisationProfiles.Listed> profiles = organisations.findAll(
                standing.stream().map(Endorsement::organisationId).toList());
        List<Endorser> endorsers = standing.stream().filter(e -> profiles.containsKey(e.organisationId()))
                .map(e -> new Endorser(e, profiles.get(e.organisationId()))).toList();
        return new Listing(campaign, endorsers, repository.countStanding(campaign.id()));
    }

    record Given(Endorsement endorsement, boolean isNew) {
    }

    record Endorser(Endorsement endorsement, OrganisationProfiles.Listed organisation) {
    }

    record Listing(Campaign campaign, List<Endorser> endorsers, long total) {
    }

    private static void requireAdmin(StaffMember member, String organisationId) {
        if (member.roleIn(organisationId).filter(r -> r == Role.ADMIN).isEmpty()) {
            throw new NotAllowedException("Only an admin of '" + organisationId + "' endorses on its behalf.");
        }
    }

    private void write(Endorsement.Change change) {
        if (change.events().isEmpty()) {
            return;
        }
        if (!outbox.write(EndorsementRepository.COLLECTION, change.after().id(), pending(change),
                events -> repository.reviseIfUnchanged(change.after(), events))) {
            throw changedMeanwhile();
        }
    }

    private List<PendingEvent> pending(Endorsement.Change change) {
        return change.events().stream().map(e -> outbox.pending(e.wireType(), e.campaignId(), e.eventId(), e)).toList();
    }

    private static ConflictException changedMeanwhile() {
        return new ConflictException("Endorsement changed meanwhile",
                "Someone else changed this endorsement at the same moment; read it again and retry.");
    }
}
