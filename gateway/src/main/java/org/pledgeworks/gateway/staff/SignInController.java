package org.pledgeworks.gateway.staff;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.mongodb.MongoException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.pledgeworks.gateway.edge.ClientAddresses;
import org.pledgeworks.gateway.security.AuthProperties;
import org.pledgeworks.gateway.problems.ProblemResponses;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /api/auth/token} signs a staff member in with email and password and answers a staff
 * token; {@code POST /api/auth/password} changes the password, knowing the current one, and answers a token
 * too; {@code GET /.well-known/jwks.json} publishes the public key the services check tokens with.
 *
 * <p>An account whose password must be changed (the first admin's printed one) is not signed in: the right
 * password answers 403 {@code password-change-required}, and only {@code /api/auth/password} with it and a
 * new password gives a token. No token good only for changing the password is needed: the change carries
 * the current password, checked as a sign-in is, behind the same throttle.
 */
@IssuesTokens
@RestController
class SignInController {

    static final String WRONG = "The email address or password is not right.";

    static final URI PASSWORD_CHANGE_REQUIRED = URI.create("https://pledgeworks.org/problems/password-change-required");

    static final int MAX_EMAIL = 254;

    /** Generous for a current password (bcrypt reads 72 bytes of it); a new one must keep to the policy. */
    static final int MAX_PASSWORD = 1024;

    private final StaffAccounts accounts;

    private final StaffTokens tokens;

    private final PasswordEncoder passwords;

    private final PasswordPolicy policy;

    private final FirstAdmin firstAdmin;

    private final ClientAddresses clients;

    private final SignInThrottle throttle;

    private final Map<String, Object> publicKeys;

    /** Compared against when the email is unknown, so both answers take as long as a real check. */
    private final String decoyHash;

    SignInController(StaffAccounts accounts, StaffTokens tokens, PasswordEncoder passwords, PasswordPolicy policy,
            FirstAdmin firstAdmin, ClientAddresses clients, AuthProperties properties, RSAKey staffTokenSigningKey) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwords = passwords;
        this.policy = policy;
        this.firstAdmin = firstAdmin;
        this.clients = clients;
        this.throttle = new SignInThrottle(properties.signIn());
        this.publicKeys = new JWKSet(staffTokenSigningKey.toPublicJWK()).toJSONObject(true);
        this.decoyHash = passwords.encode(FirstAdmin.oneTimePassword());
    }

    record SignIn(String email, String password) {
    }

    record PasswordChange(String email, String password, String newPassword) {
    }

    record FieldProblem(String field, String message) {
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> token(@RequestBody(required = false) SignIn signIn, ServerWebExchange exchange) {
        Optional<ResponseEntity<?>> refused = throttled(exchange, signIn == null ? null : signIn.email());
        if (refused.isPresent()) {
            return Mono.just(refused.get());
        }
        List<FieldProblem> errors = new ArrayList<>();
        requireEmail(signIn == null ? null : signIn.email(), errors);
        require("password", signIn == null ? null : signIn.password(), MAX_PASSWORD, "Enter your password.", errors);
        if (!errors.isEmpty()) {
            return Mono.just(badRequest(exchange, "Email and password needed", "Enter your email address and password.",
                    errors));
        }
        return checked(exchange, signIn.email(), signIn.password(), account -> {
            if (account.passwordChangeRequired()) {
                ProblemDetail problem = ProblemResponses.problem(HttpStatus.FORBIDDEN, "New password required",
                        "This password was given to you to sign in once. Choose a new password of your own.");
                problem.setType(PASSWORD_CHANGE_REQUIRED);
                problem.setProperty("passwordChangeRequired", true);
                return ProblemResponses.entity(exchange, problem, new HttpHeaders());
            }
            return issued(account);
        });
    }

    @PostMapping(path = "/api/auth/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> changePassword(@RequestBody(required = false) PasswordChange change,
            ServerWebExchange exchange) {
        Optional<ResponseEntity<?>> refused = throttled(exchange, change == null ? null : change.email());
        if (refused.isPresent()) {
            return Mono.just(refused.get());
        }
        List<FieldProblem> errors = new ArrayList<>();
        requireEmail(change == null ? null : change.email(), errors);
        require("password", change == null ? null : change.password(), MAX_PASSWORD,
                "Enter your current password.", errors);
        if (require("newPassword", change == null ? null : change.newPassword(), MAX_PASSWORD,
                "Choose a new password.", errors)) {
            if (change.newPassword().equals(change.password())) {
                errors.add(new FieldProblem("newPassword", "Choose a password different from the current one."));
            }
            else {
                policy.refusal(change.newPassword(), change.email())
                        .ifPresent(why -> errors.add(new FieldProblem("newPassword", why)));
            }
        }
        if (!errors.isEmpty()) {
            return Mono.just(badRequest(exchange, "The password cannot be changed",
                    "Correct what is marked and try again.", errors));
        }
        return checked(exchange, change.email(), change.password(), account -> {
            String newHash = passwords.encode(change.newPassword());
            if (!accounts.changePassword(account.email(), account.passwordHash(), newHash)) {
                // changed by someone else a moment ago: the password just checked is not the current one now
                return unauthorized(exchange);
            }
            firstAdmin.passwordChanged(account.email());
            return issued(account.withPassword(newHash));
        });
    }

    /**
     * Checks the email and password off the event loop (the lookup and bcrypt both block) and answers with
     * {@code then} for the account they are right for; 401 when they are not, 503 without the database.
     */
    private Mono<ResponseEntity<?>> checked(ServerWebExchange exchange, String email, String password,
            Function<StaffAccount, ResponseEntity<?>> then) {
        return Mono.<ResponseEntity<?>>fromCallable(() -> check(email, password).<ResponseEntity<?>>map(then)
                        .orElseGet(() -> unauthorized(exchange)))
                .subscribeOn(Schedulers.boundedElastic())
                // the accounts' database is away: say so, as the fallbacks do, rather than a bare 500
                .onErrorResume(MongoException.class, ex -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.set(HttpHeaders.RETRY_AFTER, "5");
                    return Mono.<ResponseEntity<?>>just(ProblemResponses.entity(exchange, ProblemResponses.problem(
                            HttpStatus.SERVICE_UNAVAILABLE, "Sign-in temporarily unavailable",
                            "We cannot sign you in right now. Please try again in a few seconds."), headers));
                });
    }

    private Optional<StaffAccount> check(String email, String password) {
        Optional<StaffAccount> account = accounts.byEmail(email);
        String hash = account.map(StaffAccount::passwordHash).orElse(decoyHash);
        boolean matches = passwords.matches(password, hash);
        return matches ? account : Optional.empty();
    }

    private Optional<ResponseEntity<?>> throttled(ServerWebExchange exchange, String email) {
        return throttle.refused(exchange, clients.clientOf(exchange.getRequest()), email, "Too many sign-in attempts");
    }

    private ResponseEntity<?> issued(StaffAccount account) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.issue(account));
    }

    static ResponseEntity<?> unauthorized(ServerWebExchange exchange) {
        return ProblemResponses.entity(exchange, ProblemResponses.problem(HttpStatus.UNAUTHORIZED, "Sign-in failed",
                WRONG), new HttpHeaders());
    }

    static ResponseEntity<?> badRequest(ServerWebExchange exchange, String title, String detail,
            List<FieldProblem> errors) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, title, detail);
        problem.setProperty("errors", errors);
        return ProblemResponses.entity(exchange, problem, new HttpHeaders());
    }

    static void requireEmail(String email, List<FieldProblem> errors) {
        require("email", email, MAX_EMAIL, "Enter your email address.", errors);
    }

    /** Adds a problem for {@code field} when it is blank or too long; true when it is fine. */
    static boolean require(String field, String value, int max, String whenBlank, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldProblem(field, whenBlank));
            return false;
        }
        if (value.length() > max) {
            errors.add(new FieldProblem(field, "At most " + max + " characters."));
            return false;
        }
        return true;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(publicKeys);
    }
}
