package org.pledgeworks.notification.staffmail;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.IncomingEvent;

/**
 * {@code staff-password-reset-requested.v1}: only what the reset mail needs
 * (contracts/staff/staff-password-reset-requested.v1.schema.json).
 *
 * @param name       the account's name; empty when it has none (the mail then greets the address)
 * @param sealedLink the single-use reset link, sealed: opened only to write the mail
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StaffPasswordResetRequested(
        UUID eventId,
        Instant occurredAt,
        String accountId,
        String email,
        Optional<String> name,
        String sealedLink,
        Instant expiresAt,
        String locale) implements IncomingEvent {

    static final String TYPE = "staff-password-reset-requested.v1";

    StaffPasswordResetRequested {
        name = name == null ? Optional.empty() : name.filter(n -> !n.isBlank());
    }
}
