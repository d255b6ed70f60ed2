package org.pledgeworks.campaign.organisations;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.pledgeworks.campaign.audit.AuditAction;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.audit.AuditLog;
import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.campaigns.CampaignAccess;
import org.pledgeworks.campaign.outbox.EventOutbox;
import org.pledgeworks.campaign.staff.PlatformOperators;
import org.pledgeworks.campaign.staff.Role;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.ConflictException;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.NotAllowedException;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/**
 * Creating and revising organisation profiles, and reading them. Who may: platform operators create (an
 * organisation that does not exist yet has no admins to ask); its own admins, and operators, revise; every
 * other caller, editors and viewers of the organisation included, gets 403. Profiles are public, so an
 * unknown id is a 404 for everyone.
 */
@Service
class Organisations {

    /** A profile lists at most this many campaigns; a coalition's member seldom runs more at once. */
    static final int LISTED_CAMPAIGNS = 200;

    private final OrganisationRepository repository;
    private final CampaignAccess campaigns;
    private final PlatformOperators operators;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Organisations(OrganisationRepository repository, CampaignAccess campaigns, PlatformOperators operators,
            EventOutbox outbox, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.operators = operators;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    Organisation create(StaffMember member, OrganisationInput input) {
        if (!operators.isOperator(member)) {
            throw new NotAllowedException("Only platform operators add organisations.");
        }
        InvalidInputException.throwIfAny(input.problems(true));
        Organisation.Change created = Organisation.created(input.organisationId(), input.profile(), clock.instant());
        if (!insert(created, member.id())) {
            throw new ConflictException("Organisation exists",
                    "An organisation with the id '" + input.organisationId() + "' exists already.");
        }
        return created.after();
    }

    /**
     * Adds an organisation nobody asked for through the API (the demo's), announced like any other.
     *
     * @return false when the id is taken
     */
    boolean seed(String organisationId, Organisation.Profile profile) {
        return insert(Organisation.created(organisationId, profile, clock.instant()), "demo");
    }

    Organisation revise(StaffMember member, String organisationId, OrganisationInput input) {
        Organisation current = one(organisationId);
        if (!operators.isOperator(member) && member.roleIn(organisationId).filter(r -> r == Role.ADMIN).isEmpty()) {
            throw new NotAllowedException("Only the organisation's admins change its profile.");
        }
        InvalidInputException.throwIfAny(input.problems(false));
        if (input.organisationId() != null && !input.organisationId().equals(organisationId)) {
            throw new InvalidInputException("organisationId",
                    "cannot be changed: tokens and campaigns know the organisation by it");
        }
        Organisation.Change revised = current.revised(input.profile(), clock.instant());
        if (revised.events().isEmpty()) {
            return current;
        }
        List<PendingEvent> pending = pending(revised);
        if (!outbox.write(OrganisationRepository.COLLECTION, organisationId, pending,
                events -> repository.reviseIfUnchanged(revised.after(), member.id(), events))) {
            throw new ConflictException("Organisation changed meanwhile",
                    "Someone else changed this profile since it was read; read it again and retry.");
        }
        audit.onOrganisations(member, List.of(organisationId), AuditAction.PROFILE_REVISED,
                new Subject("organisation", organisationId, revised.after().profile().name()), Map.of());
        return one(organisationId);
    }

    Organisation one(String organisationId) {
        return repository.find(organisationId).orElseThrow(() -> new OrganisationNotFoundException(organisationId));
    }

    List<Organisation> directory(int page, int size) {
        return repository.byName(page, size);
    }

    long count() {
        return repository.count();
    }

    /** Its open and closed campaigns, as owner or partner; drafts stay with their staff. */
    List<Campaign> campaignsOf(Organisation organisation) {
        return campaigns.listedFor(organisation.id(), LISTED_CAMPAIGNS);
    }

    private boolean insert(Organisation.Change created, String createdBy) {
        return outbox.write(OrganisationRepository.COLLECTION, created.after().id(), pending(created),
                events -> repository.insert(created.after(), createdBy, events));
    }

    private List<PendingEvent> pending(Organisation.Change change) {
        return change.events().stream()
                .map(e -> outbox.pending(e.wireType(), e.organisationId(), e.eventId(), e)).toList();
    }
}
