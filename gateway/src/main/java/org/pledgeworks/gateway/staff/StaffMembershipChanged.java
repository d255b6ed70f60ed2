package org.pledgeworks.gateway.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code staff-membership-changed.v1} (contracts/staff): who belongs to an organisation and with which role,
 * as campaign-service's audit log records it. Never carries a link.
 *
 * @param change       invited, invitation-resent, invitation-revoked, joined, role-changed, removed
 * @param role         the role after the change; null when removed or revoked
 * @param previousRole the role before a role change or removal
 */
record StaffMembershipChanged(UUID eventId, Instant occurredAt, String organisationId, String change, Member member,
        String role, String previousRole, Actor actor) {

    /** Whom the change is about: an account once it exists, else the invitation. */
    record Member(String accountId, String invitationId, String email, String name) {
    }
}
