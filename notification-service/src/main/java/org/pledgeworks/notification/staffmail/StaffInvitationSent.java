package org.pledgeworks.notification.staffmail;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;

/**
 * {@code staff-invitation-sent.v1}: only what the invitation mail needs; the contract
 * (contracts/staff/staff-invitation-sent.v1.schema.json) has more.
 *
 * @param organisationName as the directory names it; empty when the gateway did not know it (the mail then
 *                         names the organisation by its id)
 * @param role             admin, editor or viewer
 * @param sealedLink       the accept link, sealed: opened only to write the mail
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StaffInvitationSent(
        UUID eventId,
        Instant occurredAt,
        String invitationId,
        String organisationId,
        Optional<String> organisationName,
        String role,
        String email,
        Inviter invitedBy,
        String sealedLink,
        Instant expiresAt,
        String locale) implements IncomingEvent {

    static final String TYPE = "staff-invitation-sent.v1";

    StaffInvitationSent {
        organisationName = organisationName == null ? Optional.empty() : organisationName.filter(n -> !n.isBlank());
    }

    /** @param name may be blank (the schema does not forbid it): the mail then says "someone" */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Inviter(String name) {

        Optional<String> known() {
            return Optional.ofNullable(name).filter(n -> !n.isBlank());
        }
    }

    String organisation() {
        return organisationName.orElse(organisationId);
    }
}
