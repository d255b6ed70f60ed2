package org.pledgeworks.campaign.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Its member's email is read by nobody here: the log names staff by name (an invitee by address only). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffMembershipChanged(UUID eventId, Instant occurredAt, String organisationId, String change,
            Member member, String role, String previousRole, StaffActor actor) implements IncomingEvent {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(String accountId, String invitationId, String email, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StaffActor(String accountId, String name) {
    }

    /** No signer in it: who exported, how many rows, in which format. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignersExported(UUID eventId, Instant occurredAt, String campaignId, StaffActor actor, long rows,
            String format, Boolean complete) implements IncomingEvent {
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
                if (action == null || e.organisationId() == null || e.actor() == null || e.member() == null) {
                    throw new MalformedEventException("staff-membership-changed without a known change, "
                            + "organisation, actor or member: " + e.eventId());
                }
                Map<String, String> details = new LinkedHashMap<>();
                if (e.role() != null) {
                    details.put("role", e.role());
                }
                if (e.previousRole() != null) {
                    details.put("previousRole", e.previousRole());
                }
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
                if (e.campaignId() == null || e.actor() == null) {
                    throw new MalformedEventException("signers-exported without campaign or actor: " + e.eventId());
                }
                CampaignParties.Parties parties = campaigns.of(e.campaignId()).orElse(null);
                if (parties == null) {
                    // every campaign pledge-service knows was announced by this service, which deletes none
                    log.warn("Signer export {} of unknown campaign {} not logged", e.eventId(), e.campaignId());
                    return;
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("rows", String.valueOf(e.rows()));
                details.put("format", e.format() == null ? "csv" : e.format());
                if (Boolean.FALSE.equals(e.complete())) {
                    details.put("complete", "false");
                }
                audit.recordOnce("export:" + e.eventId(), parties.organisations(),
                        new Actor(e.actor().accountId(), e.actor().name()), AuditAction.SIGNERS_EXPORTED,
                        Subject.campaign(e.campaignId(), parties.title()), details, e.occurredAt());
            });
        }
    }
}
