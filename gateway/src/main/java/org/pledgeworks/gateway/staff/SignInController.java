package org.pledgeworks.gateway.staff;

import java.util.Map;
import java.util.Optional;

import com.mongodb.MongoException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.pledgeworks.gateway.edge.ClientAddresses;
import org.pledgeworks.gateway.edge.ClientRateLimiter;
import org.pledgeworks.gateway.security.AuthProperties;
import org.pledgeworks.gateway.problems.ProblemResponses;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /api/auth/token} signs a staff member in with email and password and answers a staff
 * token; {@code GET /.well-known/jwks.json} publishes the public key the services check tokens with.
 */
@IssuesTokens
@RestController
class SignInController {

    private static final String WRONG = "The email address or password is not right.";

    private final StaffAccounts accounts;

    private final StaffTokens tokens;

    private final PasswordEncoder passwords;

    private final ClientAddresses clients;

    private final ClientRateLimiter attempts;

    private final Map<String, Object> publicKeys;

    /** Compared against when the email is unknown, so both answers take as long as a real check. */
    private final String decoyHash;

    SignInController(StaffAccounts accounts, StaffTokens tokens, PasswordEncoder passwords, ClientAddresses clients,
            AuthProperties properties, RSAKey staffTokenSigningKey) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.clients = clients;
        this.attempts = new ClientRateLimiter(properties.signIn().attempts(), properties.signIn().period());
        this.publicKeys = new JWKSet(staffTokenSigningKey.toPublicJWK()).toJSONObject(true);
        this.decoyHash = passwords.encode(FirstAdmin.oneTimePassword());
    }

    record SignIn(String email, String password) {
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> token(@RequestBody SignIn signIn, ServerWebExchange exchange) {
        ClientRateLimiter.Verdict verdict = attempts.take(clients.clientOf(exchange.getRequest()));
        if (!verdict.allowed()) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
            return Mono.just(ProblemResponses.entity(exchange, ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many sign-in attempts", "Please wait a moment and try again."), headers));
        }
        if (signIn == null || blank(signIn.email()) || blank(signIn.password())
                || signIn.email().length() > 254 || signIn.password().length() > 200) {
            return Mono.just(ProblemResponses.entity(exchange, ProblemResponses.problem(HttpStatus.BAD_REQUEST,
                    "Email and password needed", "Enter your email address and password."), new HttpHeaders()));
        }
        // the database lookup and bcrypt both block: off the event loop
        return Mono.fromCallable(() -> check(signIn))
                .subscribeOn(Schedulers.boundedElastic())
                .<ResponseEntity<?>>map(account -> account
                        .<ResponseEntity<?>>map(a -> ResponseEntity.ok()
                                .cacheControl(CacheControl.noStore())
                                .body(tokens.issue(a)))
                        .orElseGet(() -> ProblemResponses.entity(exchange, ProblemResponses.problem(
                                HttpStatus.UNAUTHORIZED, "Sign-in failed", WRONG), new HttpHeaders())))
                // the accounts' database is away: say so, as the fallbacks do, rather than a bare 500
                .onErrorResume(MongoException.class, ex -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.set(HttpHeaders.RETRY_AFTER, "5");
                    return Mono.<ResponseEntity<?>>just(ProblemResponses.entity(exchange, ProblemResponses.problem(
                            HttpStatus.SERVICE_UNAVAILABLE, "Sign-in temporarily unavailable",
                            "We cannot sign you in right now. Please try again in a few seconds."), headers));
                });
    }

    private Optional<StaffAccount> check(SignIn signIn) {
        Optional<StaffAccount> account = accounts.byEmail(signIn.email());
        String hash = account.map(StaffAccount::passwordHash).orElse(decoyHash);
        boolean matches = passwords.matches(signIn.password(), hash);
        return matches ? account : Optional.empty();
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(publicKeys);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
