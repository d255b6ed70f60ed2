package org.pledgeworks.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A check of a staff token beyond its signature and claims, made on every staff call after them: on the
 * embedded default, whether the account still holds the token's version (a removal or role change revokes
 * older tokens at once). Declared here and provided by the feature that keeps the accounts, so that this
 * package needs none of it; absent in OIDC mode.
 */
@FunctionalInterface
public interface StaffTokenCheck {

    /** The token, when it still holds; an error of {@code JwtException} (answered 401) when not. */
    Mono<Jwt> check(Jwt token);
}
