package org.pledgeworks.gateway.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code staff-password-reset-requested.v1} (contracts/staff): published only for an address that has an
 * account; notification-service mails the sealed, single-use link.
 */
record StaffPasswordResetRequested(UUID eventId, Instant occurredAt, String accountId, String email, String name,
        String sealedLink, Instant expiresAt, String locale) {
}
