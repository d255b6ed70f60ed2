package org.pledgeworks.campaign.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.pledgeworks.campaign.audit.AuditEntry.Actor;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.staff.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * What features call after a staff action has been written. The entry is written after the feature's own
 * write, not in it: the embedded database has no multi-document transactions, and an entry per organisation
 * does not belong in a campaign's document. So the action stands even if its entry cannot be written; that
 * failure is logged with the entry (the application log then holds it) rather than answered as an error for
 * a change that was made.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final AuditRepository repository;
    private final Clock clock;

    AuditLog(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * A staff action on a campaign or on what hangs off it. It goes into the log of each organisation of the
     * campaign through which {@code actor} holds a role on it, and into the owner's: the owner answers for
     * its campaign, a partner sees what its own staff did, and one partner does not see another's.
     *
     * @param campaignOrganisations the campaign's owner and partners
     */
    public void onCampaign(StaffMember actor, String owner, Collection<String> campaignOrganisations,
            AuditAction action, Subject subject, Map<String, String> details) {
        Set<String> organisations = new LinkedHashSet<>();
        organisations.add(owner);
        campaignOrganisations.stream().filter(o -> actor.roleIn(o).isPresent()).forEach(organisations::add);
        record(UUID.randomUUID().toString(), organisations, actor(actor), action, subject, details);
    }

    /**
     * A staff action in the name of an organisation (its profile; its endorsement of a campaign, which the
     * campaign's owner sees too): into the log of each of {@code organisations}.
     */
    public void onOrganisations(StaffMember actor, Collection<String> organisations, AuditAction action,
            Subject subject, Map<String, String> details) {
        record(UUID.randomUUID().toString(), new LinkedHashSet<>(organisations), actor(actor), action, subject,
                details);
    }

    /**
     * An entry made of an event: {@code id} is the event's id, so a redelivered event writes nothing more.
     *
     * @return false when the entry was there already
     */
    boolean recordOnce(String id, Collection<String> organisations, Actor actor, AuditAction action, Subject subject,
            Map<String, String> details, Instant at) {
        return repository.insert(new AuditEntry(id, List.copyOf(organisations), at == null ? clock.instant() : at,
                actor, action, subject, details));
    }

    private void record(String id, Collection<String> organisations, Actor actor, AuditAction action, Subject subject,
            Map<String, String> details) {
        AuditEntry entry = new AuditEntry(id, List.copyOf(organisations), clock.instant(), actor, action, subject,
                details);
        try {
            repository.insert(entry);
        }
        catch (RuntimeException e) {
            log.error("Audit entry not written, the action stands: {}", entry, e);
        }
    }

    private static Actor actor(StaffMember member) {
        return new Actor(member.id(), member.name());
    }
}
