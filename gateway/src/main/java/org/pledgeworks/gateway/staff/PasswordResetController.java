package org.pledgeworks.gateway.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pledgeworks.gateway.edge.ClientAddresses;
import org.pledgeworks.gateway.security.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * "Forgot your password?": {@code POST /api/auth/password-reset} mails a link to the address if it has an
 * account, and answers the same either way; {@code /api/auth/password-reset/{token}} tells whose the link is
 * and sets the new password, answering a token as sign-in does.
 */
@IssuesTokens
@RestController
class PasswordResetController {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetController.class);

    /** The one answer to every well-formed request, so that it tells nobody whether the address has an account. */
    static final Map<String, String> REQUESTED = Map.of("detail",
            "If an account has this address, we have sent it a link to choose a new password. The link works for an hour.");

    private final PasswordResets resets;

    private final PasswordPolicy policy;

    private final StaffTokens tokens;

    private final ClientAddresses clients;

    private final SignInThrottle throttle;

    PasswordResetController(PasswordResets resets, PasswordPolicy policy, StaffTokens tokens, ClientAddresses clients,
            AuthProperties properties) {
        this.resets = resets;
        this.policy = policy;
        this.tokens = tokens;
        this.clients = clients;
        // per client and per address, as sign-in: nobody floods one inbox, nor tries many addresses
        this.throttle = new SignInThrottle(properties.signIn());
    }

    record ResetRequest(String email) {
    }

    record NewPassword(String newPassword) {
    }

    record LinkView(String email) {
    }

    /**
     * Answers before the lookup: the work goes on off the request, so an address with an account takes no
     * longer to answer than one without.
     */
    @PostMapping(path = "/api/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> request(@RequestBody(required = false) ResetRequest request, ServerWebExchange exchange) {
        String email = request == null ? null : request.email();
        List<SignInController.FieldProblem> errors = new ArrayList<>();
        MembersController.checkEmail(email, "Enter your email address.", errors);
        if (!errors.isEmpty()) {
            return Mono.just(StaffProblem.invalid("No link can be sent", errors).toResponse(exchange));
        }
        Optional<ResponseEntity<?>> refused = throttle.refused(exchange,
                clients.clientOf(exchange.getRequest()), email, "Too many requests for a link");
        if (refused.isPresent()) {
            return Mono.just(refused.get());
        }
        Mono.fromRunnable(() -> resets.request(email.strip()))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, ex -> log.error("Could not make a password-reset link: {}", ex.toString()));
        return Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(REQUESTED));
    }

    @GetMapping(path = "/api/auth/password-reset/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> link(@PathVariable String token, ServerWebExchange exchange) {
        return MembersController.blocking(exchange, () -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new LinkView(resets.account(token).email())));
    }

    @PostMapping(path = "/api/auth/password-reset/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> reset(@PathVariable String token, @RequestBody(required = false) NewPassword body,
            ServerWebExchange exchange) {
        Optional<ResponseEntity<?>> refused = throttle.refused(exchange,
                clients.clientOf(exchange.getRequest()), null, "Too many attempts");
        if (refused.isPresent()) {
            return Mono.just(refused.get());
        }
        return MembersController.blocking(exchange, () -> {
            StaffAccount account = resets.account(token);
            String newPassword = body == null ? null : body.newPassword();
            List<SignInController.FieldProblem> errors = new ArrayList<>();
            if (SignInController.require("newPassword", newPassword, SignInController.MAX_PASSWORD,
                    "Choose a new password.", errors)) {
                policy.refusal(newPassword, account.email())
                        .ifPresent(why -> errors.add(new SignInController.FieldProblem("newPassword", why)));
            }
            if (!errors.isEmpty()) {
                throw StaffProblem.invalid("The password cannot be changed", errors);
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(tokens.issue(resets.reset(token, newPassword)));
        });
    }
}
