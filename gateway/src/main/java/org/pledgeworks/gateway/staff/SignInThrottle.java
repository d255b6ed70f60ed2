package org.pledgeworks.gateway.staff;

import java.util.Locale;
import java.util.Optional;

import org.pledgeworks.gateway.edge.ClientRateLimiter;
import org.pledgeworks.gateway.problems.ProblemResponses;
import org.pledgeworks.gateway.security.AuthProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/**
 * How many sign-in and password-change attempts go through: per client address (one machine trying
 * many accounts) and per account (many machines trying one account: a botnet spreads its guesses over
 * addresses, which the first limit alone never sees). Both refuse alike, whether or not the account
 * exists, so a refusal tells nobody who has an account. The price of the second is that anyone can hold
 * up one account's sign-in for a while by trying it; its default is set well above a person's typing
 * mistakes and far below what guessing needs (NIST SP 800-63B allows up to 100 failures per account).
 */
final class SignInThrottle {

    private final ClientRateLimiter perAddress;

    private final ClientRateLimiter perAccount;

    SignInThrottle(AuthProperties.SignIn settings) {
        this.perAddress = new ClientRateLimiter(settings.attempts(), settings.period());
        this.perAccount = new ClientRateLimiter(settings.accountAttempts(), settings.accountPeriod());
    }

    /**
     * Counts one attempt from {@code clientAddress} at {@code email} (null or blank when the request did
     * not say); empty when it may go on, else the refusal with how long until it may try again.
     */
    Optional<ClientRateLimiter.Verdict> refusal(String clientAddress, String email) {
        ClientRateLimiter.Verdict address = perAddress.take(clientAddress);
        if (!address.allowed()) {
            return Optional.of(address);
        }
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        ClientRateLimiter.Verdict account = perAccount.take(email.strip().toLowerCase(Locale.ROOT));
        return account.allowed() ? Optional.empty() : Optional.of(account);
    }

    /** As {@link #refusal}, answered: a 429 problem with Retry-After, titled {@code title}. */
    Optional<ResponseEntity<?>> refused(ServerWebExchange exchange, String clientAddress, String email, String title) {
        return refusal(clientAddress, email).map(verdict -> {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            return ProblemResponses.entity(exchange, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, title,
                    "Please wait a moment and try again."), headers);
        });
    }
}
