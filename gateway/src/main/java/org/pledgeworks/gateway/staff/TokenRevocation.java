package org.pledgeworks.gateway.staff;

import org.pledgeworks.gateway.security.StaffTokenCheck;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Revocation at once: a token is good only while its account exists and still has the token's version
 * ({@code ver}, {@link StaffTokens}). Removing a member, changing a role or resetting a password raises
 * the version, so the member's next call with an older token is a 401 and a fresh sign-in carries the
 * new roles. One lookup by the indexed {@code accountId} per staff call, off the event loop. A token
 * without {@code ver} (issued before versions existed) counts as version 0, until the first change.
 */
@IssuesTokens
@Component
class TokenRevocation implements StaffTokenCheck, ApplicationRunner {

    private final StaffAccounts accounts;

    private final StaffInvitations invitations;

    TokenRevocation(StaffAccounts accounts, StaffInvitations invitations) {
        this.accounts = accounts;
        this.invitations = invitations;
    }

    @Override
    public Mono<Jwt> check(Jwt token) {
        Object claim = token.getClaims().get(StaffTokens.VERSION_CLAIM);
        int version = claim instanceof Number number ? number.intValue() : 0;
        return Mono.fromCallable(() -> accounts.tokenVersion(token.getSubject()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(current -> current.isPresent() && current.get() == version ? Mono.just(token)
                        : Mono.error(new BadJwtException("This token was revoked: sign in again.")));
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            accounts.ensureIndexes();
            invitations.ensureIndexes();
        }
        catch (RuntimeException ex) {
            // as FirstAdmin: the gateway serves pages and routes without its database
            org.slf4j.LoggerFactory.getLogger(TokenRevocation.class).error("Could not make the staff indexes: {}",
                    ex.toString());
        }
    }
}
