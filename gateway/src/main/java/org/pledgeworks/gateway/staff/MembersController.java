package org.pledgeworks.gateway.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.mongodb.MongoException;
import org.pledgeworks.gateway.edge.ClientAddresses;
import org.pledgeworks.gateway.problems.ProblemResponses;
import org.pledgeworks.gateway.security.AuthProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * An organisation's staff, managed by its admins (and platform operators) under
 * {@code /api/auth/organisations/{organisationId}/…}: members and pending invitations, invite, resend,
 * revoke, change a role, remove. And the invitation link's own endpoints under
 * {@code /api/auth/invitations/{token}}: what it is, and accepting it. The gateway's own endpoints, not
 * under {@code /api/staff/**} (routed to the services): the accounts and memberships live here.
 */
@IssuesTokens
@RestController
class MembersController {

    static final int MAX_NAME = 200;

    /** Enough to refuse what is plainly not an address; the mail that follows proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Memberships memberships;

    private final PasswordPolicy policy;

    private final StaffTokens tokens;

    private final ClientAddresses clients;

    private final SignInThrottle throttle;

    MembersController(Memberships memberships, PasswordPolicy policy, StaffTokens tokens, ClientAddresses clients,
            AuthProperties properties) {
        this.memberships = memberships;
        this.policy = policy;
        this.tokens = tokens;
        this.clients = clients;
        // accepting with an existing account checks its password: as many guesses as a sign-in, no more
        this.throttle = new SignInThrottle(properties.signIn());
    }

    record InvitationRequest(String email, String role, String name) {
    }

    record RoleChange(String role) {
    }

    record Acceptance(String name, String password) {
    }

    record MemberView(String accountId, String name, String email, String role) {
    }

    record InvitationView(String id, String email, String name, String role, Actor invitedBy, Instant expiresAt) {

        static InvitationView of(Invitation invitation) {
            return new InvitationView(invitation.id(), invitation.email(), invitation.name(), invitation.role(),
                    invitation.invitedBy(), invitation.expiresAt());
        }
    }

    record Roster(String organisationId, List<MemberView> members, List<InvitationView> invitations) {
    }

    record LinkView(String organisationId, String role, String email, String name, boolean accountExists,
            Instant expiresAt) {
    }

    @GetMapping(path = "/api/auth/organisations/{organisationId}/members", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> members(@PathVariable String organisationId, @AuthenticationPrincipal Jwt token,
            ServerWebExchange exchange) {
        return blocking(exchange, () -> {
            managed(token, organisationId);
            Memberships.Roster roster = memberships.roster(organisationId);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Roster(organisationId,
                    roster.members().stream().map(a -> new MemberView(a.accountId(), a.name(), a.email(),
                            a.organisations().get(organisationId))).toList(),
                    roster.invitations().stream().map(InvitationView::of).toList()));
        });
    }

    @PostMapping(path = "/api/auth/organisations/{organisationId}/invitations",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> invite(@PathVariable String organisationId,
            @RequestBody(required = false) InvitationRequest request, @AuthenticationPrincipal Jwt token,
            ServerWebExchange exchange) {
        return blocking(exchange, () -> {
            managed(token, organisationId);
            List<SignInController.FieldProblem> errors = new ArrayList<>();
            String email = request == null ? null : request.email();
            checkEmail(email, "Enter the person's email address.", errors);
            String role = request == null ? null : request.role();
            if (role == null || !Memberships.ROLES.contains(role)) {
                errors.add(new SignInController.FieldProblem("role", "Choose admin, editor or viewer."));
            }
            String name = request == null || request.name() == null ? null : request.name().strip();
            checkName(name, false, errors);
            if (!errors.isEmpty()) {
                throw StaffProblem.invalid("The invitation cannot be sent", errors);
            }
            Invitation invitation = memberships.invite(organisationId, email, role,
                    name == null || name.isEmpty() ? null : name, Actor.of(token));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(exchange.getRequest().getURI().resolve("invitations/" + invitation.id()))
                    .body(InvitationView.of(invitation));
        });
    }

    @PostMapping(path = "/api/auth/organisations/{organisationId}/invitations/{invitationId}/resend")
    Mono<ResponseEntity<?>> resend(@PathVariable String organisationId, @PathVariable String invitationId,
            @AuthenticationPrincipal Jwt token, ServerWebExchange exchange) {
        return blocking(exchange, () -> {
            managed(token, organisationId);
            return ResponseEntity.ok(InvitationView.of(memberships.resend(organisationId, id(invitationId),
                    Actor.of(token))));
        });
    }

    @DeleteMapping(path = "/api/auth/organisations/{organisationId}/invitations/{invitationId}")
    Mono<ResponseEntity<?>> revoke(@PathVariable String organisationId, @PathVariable String invitationId,
            @AuthenticationPrincipal Jwt token, ServerWebExchange exchange) {
        return blocking(exchange, () -> {
            managed(token, organisationId);
            memberships.revoke(organisationId, id(invitationId), Actor.of(token));
            return ResponseEntity.noContent().build();
        });
    }

    @PatchMapping(path = "/api/auth/organisations/{organisationId}/members/{accountId}",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> changeRole(@PathVariable String organisationId, @PathVariable String accountId,
            @RequestBody(required = false) RoleChange change, @AuthenticationPrincipal Jwt token,
            ServerWebExchange exchange) {
        return blocking(exchange, () -> {
            managed(token, organisationId);
            String role = change == null ? null : change.role();
            if (role == null || !Memberships.ROLES.contains(role)) {
                throw StaffProblem.invalid("The role cannot be changed",
                        List.of(new SignInController.FieldProblem("role", "Choose admin, editor or viewer.")));
            }
            memberships.changeRole(organisationId, id(accountId), role, Actor.of(token));
            return ResponseEntity.noContent().build();
        });
    }

    @DeleteMapping(path = "/api/auth/organisations/{organisationId}/members/{accountId}")
    Mono<ResponseEntity<?>> remove(@PathVariable String organisationId, @PathVariable String accountId,
            @AuthenticationPrincipal Jwt token, ServerWebExchange exchange) {
        return blocking(exchange, () -> {
            managed(token, organisationId);
            memberships.remove(organisationId, id(accountId), Actor.of(token));
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping(path = "/api/auth/invitations/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> invitation(@PathVariable String token, ServerWebExchange exchange) {
        return blocking(exchange, () -> {
            Memberships.LinkState state = memberships.link(token);
            Invitation invitation = state.invitation();
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new LinkView(
                    invitation.organisationId(), invitation.role(), invitation.email(), invitation.name(),
                    state.accountExists(), invitation.expiresAt()));
        });
    }

    /**
     * Accepts an invitation and answers a token, as sign-in does: {@code {name, password}} makes the account
     * of someone new, {@code {password}} (the current one) adds the membership to an existing account.
     */
    @PostMapping(path = "/api/auth/invitations/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> accept(@PathVariable String token, @RequestBody(required = false) Acceptance acceptance,
            ServerWebExchange exchange) {
        return blocking(exchange, () -> {
            Memberships.LinkState state = memberships.link(token);
            Optional<ResponseEntity<?>> refused = throttle.refused(exchange, clients.clientOf(exchange.getRequest()),
                    state.invitation().email(), "Too many attempts");
            if (refused.isPresent()) {
                return refused.get();
            }
            List<SignInController.FieldProblem> errors = new ArrayList<>();
            String password = acceptance == null ? null : acceptance.password();
            String name = acceptance == null || acceptance.name() == null ? null : acceptance.name().strip();
            if (state.accountExists()) {
                SignInController.require("password", password, SignInController.MAX_PASSWORD,
                        "Enter the password of your account.", errors);
            }
            else {
                checkName(name, true, errors);
                if (SignInController.require("password", password, SignInController.MAX_PASSWORD,
                        "Choose a password.", errors)) {
                    policy.refusal(password, state.invitation().email())
                            .ifPresent(why -> errors.add(new SignInController.FieldProblem("password", why)));
                }
            }
            if (!errors.isEmpty()) {
                throw StaffProblem.invalid("The invitation cannot be accepted", errors);
            }
            StaffAccount account = memberships.accept(token, name, password);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.issue(account));
        });
    }

    /** Refused alike whether the organisation exists or not: its id's shape is all that is checked here. */
    private void managed(Jwt token, String organisationId) {
        if (!Memberships.ORGANISATION_ID.matcher(organisationId).matches() || organisationId.length() > 64) {
            throw StaffProblem.notFound("No such organisation.");
        }
        memberships.requireManager(token, organisationId);
    }

    private static String id(String id) {
        if (!ID.matcher(id).matches()) {
            throw StaffProblem.notFound("No such invitation or member.");
        }
        return id;
    }

    /** Present, not too long, and plainly an address (the mail that follows proves the rest). */
    static void checkEmail(String email, String whenBlank, List<SignInController.FieldProblem> errors) {
        if (SignInController.require("email", email, SignInController.MAX_EMAIL, whenBlank, errors)
                && !EMAIL.matcher(email.strip()).matches()) {
            errors.add(new SignInController.FieldProblem("email", "This is not an email address."));
        }
    }

    private static void checkName(String name, boolean required, List<SignInController.FieldProblem> errors) {
        if (name == null || name.isEmpty()) {
            if (required) {
                errors.add(new SignInController.FieldProblem("name", "Enter your name, as colleagues know it."));
            }
            return;
        }
        if (name.length() > MAX_NAME) {
            errors.add(new SignInController.FieldProblem("name", "At most " + MAX_NAME + " characters."));
        }
        else if (name.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new SignInController.FieldProblem("name", "Use letters, not control characters."));
        }
    }

    /** The database work off the event loop; the rules' refusals as problems, a database away as 503. */
    static Mono<ResponseEntity<?>> blocking(ServerWebExchange exchange, Callable<ResponseEntity<?>> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(StaffProblem.class, problem -> Mono.just(problem.toResponse(exchange)))
                .onErrorResume(MongoException.class, ex -> {
                    HttpHeaders headers = new HttpHeaders();
                    headers.set(HttpHeaders.RETRY_AFTER, "5");
                    return Mono.just(ProblemResponses.entity(exchange, ProblemResponses.problem(
                            HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                            "Please try again in a few seconds."), headers));
                });
    }
}
