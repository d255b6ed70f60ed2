package org.pledgeworks.gateway.staff;

import java.time.Instant;

/**
 * An invitation to join an organisation with a role, as stored. Its link's secret is kept only as a hash:
 * whoever reads the database cannot accept it.
 *
 * @param status pending until it is used (accepted) or revoked
 */
record Invitation(String id, String organisationId, String email, String name, String role, Actor invitedBy,
        Status status, String tokenHash, Instant expiresAt) {

    enum Status {
        PENDING, USED, REVOKED
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
