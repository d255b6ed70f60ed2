package org.pledgeworks.campaign.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pledgeworks.campaign.audit.AuditEntry.Actor;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.kit.events.EventDispatcher;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.IncomingEvent;
import org.pledgeworks.kit.events.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The entries other services cause: the gateway's membership changes ({@code staff-membership-changed} on
 * {@code staff}; the invitation and reset mails on that topic are notification-service's and skipped here)
 * and pledge-service's signer exports ({@code signers-exported}, read by the {@code pledges} listener of
 * milestones, whose dispatcher hands it here). One entry per event, by the event's id.
 */
@Component
class AuditedEvents {

    private final EventDispatcher dispatcher;

    AuditedEvents(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    // a group of its own, as the campaigns listener has: the pledges group is reset as a whole when the count
    // is replayed, which a broker refuses while another of its members is consuming
    @KafkaListener(id = "campaign-service.staff", topics = "staff", groupId = "campaign-service.staff")
    void on(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record);
    }

    /**
     * The log names a member by name, an invitee without an account by the address invited.
     *
     * @param role         null or absent when removed or revoked, as the contract says
     * @param previousRole null or absent but for a role change
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffMembershipChanged(UUID eventId, Instant occurredAt, String organisationId, String change,
            Member member, Optional<String> role, Optional<String> previousRole, StaffActor actor)
            implements IncomingEvent {

        StaffMembershipChanged {
            role = role == null ? Optional.empty() : role;
            previousRole = previousRole == null ? Optional.empty() : previousRole;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(String accountId, String invitationId, String email, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffActor(String accountId, String name) {
    }

    /**
     * No signer in it: who exported, how many rows, in which format.
     *
     * @param complete absent means the export ran to its end
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignersExported(UUID eventId, Instant occurredAt, String campaignId, StaffActor actor, Long rows,
            String format, Optional<Boolean> complete) implements IncomingEvent {

        SignersExported {
            complete = complete == null ? Optional.empty() : complete;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        private static final Logger log = LoggerFactory.getLogger(Handlers.class);

        private static final Map<String, AuditAction> CHANGES = Map.of("invited", AuditAction.MEMBER_INVITED,
                "invitation-resent", AuditAction.INVITATION_RESENT, "invitation-revoked",
                AuditAction.INVITATION_REVOKED, "joined", AuditAction.MEMBER_JOINED, "role-changed",
                AuditAction.MEMBER_ROLE_CHANGED, "removed", AuditAction.MEMBER_REMOVED);

        @Bean
        EventHandler<StaffMembershipChanged> staffMembershipChanged(AuditLog audit) {
            return EventHandler.of("staff-membership-changed.v1", StaffMembershipChanged.class, (e, id) -> {
                AuditAction action = CHANGES.get(e.change());
                if (action == null) {
                    throw new MalformedEventException("staff-membership-changed with an unknown change: "
                            + e.eventId());
                }
                Map<String, String> details = new LinkedHashMap<>();
                e.role().ifPresent(role -> details.put("role", role));
                e.previousRole().ifPresent(role -> details.put("previousRole", role));
                Member m = e.member();
                boolean account = m.accountId() != null;
                // a staff member's name; an invitee who has no account yet is known by the address invited
                Subject subject = new Subject(account ? "member" : "invitation",
                        account ? m.accountId() : m.invitationId(), m.name() != null ? m.name() : m.email());
                audit.recordOnce("staff:" + e.eventId(), List.of(e.organisationId()),
                        new Actor(e.actor().accountId(), e.actor().name()), action, subject, details, e.occurredAt());
            });
        }

        @Bean
        EventHandler<SignersExported> signersExported(AuditLog audit, CampaignParties campaigns) {
            return EventHandler.of("signers-exported.v1", SignersExported.class, (e, id) -> {
                CampaignParties.Parties parties = campaigns.of(e.campaignId()).orElse(null);
                if (parties == null) {
                    // every campaign pledge-service knows was announced by this service, which deletes none
                    log.warn("Signer export {} of unknown campaign {} not logged", e.eventId(), e.campaignId());
                    return;
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("rows", String.valueOf(e.rows()));
                details.put("format", e.format());
                if (!e.complete().orElse(true)) {
                    details.put("complete", "false");
                }
                audit.recordOnce("export:" + e.eventId(), parties.organisations(),
                        new Actor(e.actor().accountId(), e.actor().name()), AuditAction.SIGNERS_EXPORTED,
                        Subject.campaign(e.campaignId(), parties.title()), details, e.occurredAt());
            });
        }
    }
}
