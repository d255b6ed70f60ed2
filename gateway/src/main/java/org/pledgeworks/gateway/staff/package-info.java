/**
 * Staff sign-in on the embedded default: staff accounts (bcrypt hashes, in the gateway's own MongoDB
 * database), the first admin made at first start, the RS256 key the gateway signs staff tokens with, the
 * token endpoint and the public keys at {@code /.well-known/jwks.json} that the services check tokens
 * against. And each organisation's own staff management (issue 25): memberships kept in the accounts,
 * invitations by mail, role changes and removals that revoke the member's older tokens at once
 * ({@link org.pledgeworks.gateway.staff.TokenRevocation}), password reset by mail, all published on the
 * {@code staff} topic through the kit's outbox. With {@code PLEDGEWORKS_JWT_ISSUER_URI} set, none of this
 * is active: an OIDC issuer signs in staff instead.
 */
package org.pledgeworks.gateway.staff;
