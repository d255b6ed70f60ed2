/**
 * Staff sign-in on the embedded default: staff accounts (bcrypt hashes, in the gateway's own MongoDB
 * database), the first admin made at first start, the RS256 key the gateway signs staff tokens with, the
 * token endpoint and the public keys at {@code /.well-known/jwks.json} that the services check tokens
 * against. With {@code PLEDGEWORKS_JWT_ISSUER_URI} set, none of this is active: an OIDC issuer signs in
 * staff instead.
 */
package org.pledgeworks.gateway.staff;
