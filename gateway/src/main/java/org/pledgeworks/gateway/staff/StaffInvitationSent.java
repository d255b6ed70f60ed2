package org.pledgeworks.gateway.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code staff-invitation-sent.v1} (contracts/staff): notification-service mails the invitee the sealed
 * link. Published again, with a new link, when the invitation is resent.
 */
record StaffInvitationSent(UUID eventId, Instant occurredAt, String invitationId, String organisationId,
        String organisationName, String role, String email, Actor invitedBy, String sealedLink, Instant expiresAt,
        String locale) {
}
