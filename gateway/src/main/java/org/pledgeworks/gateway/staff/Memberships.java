package org.pledgeworks.gateway.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.pledgeworks.kit.links.SealedText;
import org.pledgeworks.kit.management.OperatorProperties;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Who belongs to an organisation and with which role, and the rules for changing it: only that
 * organisation's admins (and platform operators) invite, change roles and remove; an invitation's link is
 * used once; the last admin is never removed or demoted. Every change is written with its events in one
 * document (the invitation's or the account's), and changes to an account raise its token version, so that
 * the member's older tokens stop working at once ({@link TokenRevocation}). Blocking: call it off the event
 * loop.
 */
@IssuesTokens
@Component
class Memberships {

    static final Pattern ORGANISATION_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    static final Set<String> ROLES = Set.of("admin", "editor", "viewer");

    static final String LOCALE = "en";

    private final StaffAccounts accounts;

    private final StaffInvitations invitations;

    private final StaffEvents events;

    private final SealedText sealer;

    private final StaffProperties properties;

    private final OperatorProperties operators;

    private final PasswordEncoder passwords;

    private final Clock clock;

    Memberships(StaffAccounts accounts, StaffInvitations invitations, StaffEvents events, SealedText staffLinkSealer,
            StaffProperties properties, OperatorProperties operators, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.events = events;
        this.sealer = staffLinkSealer;
        this.properties = properties;
        this.operators = operators;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The members and pending invitations of an organisation. */
    record Roster(List<StaffAccount> members, List<Invitation> invitations) {
    }

    /** What an invitation's link is, for the page it opens. */
    record LinkState(Invitation invitation, boolean accountExists) {
    }

    /** An admin of {@code organisationId} or a platform operator; refused with 403 otherwise. */
    void requireManager(Jwt token, String organisationId) {
        Map<String, Object> organisations = Actor.organisations(token);
        List<String> roles = Optional.ofNullable(token.getClaimAsStringList("roles")).orElse(List.of());
        if (!"admin".equals(organisations.get(organisationId)) && !operators.isOperator(roles, organisations)) {
            throw StaffProblem.forbidden();
        }
    }

    Roster roster(String organisationId) {
        return new Roster(accounts.members(organisationId), invitations.pending(organisationId));
    }

    Invitation invite(String organisationId, String email, String role, String name, Actor by) {
        String normalised = StaffAccount.normalise(email);
        if (accounts.byEmail(normalised).map(a -> a.organisations().containsKey(organisationId)).orElse(false)) {
            throw new StaffProblem(HttpStatus.CONFLICT, "already-a-member", "Already a member",
                    "This person is a member of the organisation already; change their role instead.");
        }
        if (invitations.pending(organisationId).stream().anyMatch(i -> i.email().equals(normalised))) {
            throw new StaffProblem(HttpStatus.CONFLICT, "already-invited", "Already invited",
                    "This person has a pending invitation; resend it or revoke it.");
        }
        String id = LinkSecrets.newInvitationId();
        String secret = LinkSecrets.newSecret();
        Instant expiresAt = clock.instant().plus(properties.invitationValidity());
        Invitation invitation = new Invitation(id, organisationId, normalised, name, role, by,
                Invitation.Status.PENDING, LinkSecrets.hash(secret), expiresAt);
        List<PendingEvent> pending = List.of(sent(invitation, secret),
                changed(organisationId, "invited", invitationMember(invitation), role, null, by));
        invitations.add(invitation, pending);
        events.relay(StaffInvitations.COLLECTION, id, pending);
        return invitation;
    }

    Invitation resend(String organisationId, String invitationId, Actor by) {
        Invitation invitation = pendingInvitation(organisationId, invitationId);
        String secret = LinkSecrets.newSecret();
        Invitation renewed = new Invitation(invitation.id(), organisationId, invitation.email(), invitation.name(),
                invitation.role(), invitation.invitedBy(), Invitation.Status.PENDING, LinkSecrets.hash(secret),
                clock.instant().plus(properties.invitationValidity()));
        List<PendingEvent> pending = List.of(sent(renewed, secret),
                changed(organisationId, "invitation-resent", invitationMember(renewed), renewed.role(), null, by));
        if (!invitations.resend(invitationId, organisationId, renewed.tokenHash(), renewed.expiresAt(), pending)) {
            throw noPendingInvitation();
        }
        events.relay(StaffInvitations.COLLECTION, invitationId, pending);
        return renewed;
    }

    void revoke(String organisationId, String invitationId, Actor by) {
        Invitation invitation = pendingInvitation(organisationId, invitationId);
        List<PendingEvent> pending = List.of(changed(organisationId, "invitation-revoked",
                invitationMember(invitation), null, invitation.role(), by));
        if (!invitations.revoke(invitationId, organisationId, pending)) {
            throw noPendingInvitation();
        }
        events.relay(StaffInvitations.COLLECTION, invitationId, pending);
    }

    /** The invitation a link is for, if it can still be accepted; else the problem that says why not. */
    LinkState link(String token) {
        LinkSecrets.Parsed parsed = LinkSecrets.parse(token).orElseThrow(Memberships::badLink);
        Invitation invitation = invitations.byId(parsed.id()).orElseThrow(Memberships::badLink);
        switch (invitation.status()) {
            case USED -> throw gone("invitation-used", "Invitation already used",
                    "This invitation was accepted already. Sign in with your email address and password.");
            case REVOKED -> throw gone("invitation-revoked", "Invitation withdrawn",
                    "This invitation was withdrawn. Ask the organisation's admin for a new one.");
            default -> {
            }
        }
        if (!LinkSecrets.matches(parsed.secret(), invitation.tokenHash())) {
            throw gone("invitation-replaced", "Invitation sent again",
                    "A newer invitation was sent to you: use the link in the latest mail.");
        }
        if (invitation.expired(clock.instant())) {
            throw gone("invitation-expired", "Invitation expired",
                    "This invitation has expired. Ask the organisation's admin to send it again.");
        }
        return new LinkState(invitation, accounts.byEmail(invitation.email()).isPresent());
    }

    /**
     * Accepts an invitation: someone who has an account proves it with its current password; someone new
     * chooses a name and a password (checked by the caller against the policy). Answers the account as it
     * now is, to issue a token from.
     */
    StaffAccount accept(String token, String name, String password) {
        LinkState state = link(token);
        Invitation invitation = state.invitation();
        Optional<StaffAccount> existing = accounts.byEmail(invitation.email());
        if (existing.isPresent()) {
            StaffAccount account = existing.get();
            if (!passwords.matches(password, account.passwordHash())) {
                throw new StaffProblem(HttpStatus.UNAUTHORIZED, null, "Sign-in failed", SignInController.WRONG,
                        List.of(new SignInController.FieldProblem("password",
                                "Enter the password of your account " + invitation.email() + ".")));
            }
            use(invitation, token, account.accountId(), account.name());
            accounts.join(account.email(), invitation.organisationId(), invitation.role(), List.of());
            return accounts.byEmail(account.email()).orElseThrow();
        }
        String accountId = UUID.randomUUID().toString();
        use(invitation, token, accountId, name);
        StaffAccount account = new StaffAccount(accountId, invitation.email(), name, passwords.encode(password),
                Map.of(invitation.organisationId(), invitation.role()), false);
        if (!accounts.add(account)) {
            // made a moment ago by another invitation to the same address: that person signs in and joins
            accounts.join(account.email(), invitation.organisationId(), invitation.role(), List.of());
            return accounts.byEmail(account.email()).orElseThrow();
        }
        return account;
    }

    /** Changes a member's role; never demotes the last admin. */
    void changeRole(String organisationId, String accountId, String role, Actor by) {
        StaffAccount member = member(organisationId, accountId);
        String previous = member.organisations().get(organisationId);
        if (previous.equals(role)) {
            return;
        }
        if ("admin".equals(previous)) {
            requireAnotherAdmin(organisationId, "demoted");
        }
        List<PendingEvent> pending = List.of(changed(organisationId, "role-changed", accountMember(member), role,
                previous, by));
        if (!accounts.changeRole(accountId, organisationId, previous, role, pending)) {
            throw changedMeanwhile();
        }
        events.relay(StaffAccounts.COLLECTION, StaffAccounts.documentId(member), pending);
    }

    /** Takes a member out of the organisation; never the last admin. */
    void remove(String organisationId, String accountId, Actor by) {
        StaffAccount member = member(organisationId, accountId);
        String previous = member.organisations().get(organisationId);
        if ("admin".equals(previous)) {
            requireAnotherAdmin(organisationId, "removed");
        }
        List<PendingEvent> pending = List.of(changed(organisationId, "removed", accountMember(member), null,
                previous, by));
        if (!accounts.remove(accountId, organisationId, previous, pending)) {
            throw changedMeanwhile();
        }
        events.relay(StaffAccounts.COLLECTION, StaffAccounts.documentId(member), pending);
    }

    private void use(Invitation invitation, String token, String accountId, String name) {
        String secret = LinkSecrets.parse(token).orElseThrow().secret();
        List<PendingEvent> pending = List.of(changed(invitation.organisationId(), "joined",
                new StaffMembershipChanged.Member(accountId, invitation.id(), invitation.email(), name),
                invitation.role(), null, new Actor(accountId, name)));
        if (!invitations.use(invitation.id(), LinkSecrets.hash(secret), pending)) {
            // accepted, revoked or resent between the look and the write: say which, as the page would
            link(token);
            throw gone("invitation-used", "Invitation already used", "This invitation was accepted already.");
        }
        events.relay(StaffInvitations.COLLECTION, invitation.id(), pending);
    }

    /**
     * Two admins demoting each other at the same moment could both pass this check; an organisation left
     * without an admin is then put right by a platform operator, which we accept rather than lock.
     */
    private void requireAnotherAdmin(String organisationId, String what) {
        long admins = accounts.members(organisationId).stream()
                .filter(a -> "admin".equals(a.organisations().get(organisationId))).count();
        if (admins <= 1) {
            throw new StaffProblem(HttpStatus.CONFLICT, "last-admin", "The last admin",
                    "The organisation's only admin cannot be " + what + ": make someone else admin first.");
        }
    }

    private StaffAccount member(String organisationId, String accountId) {
        return accounts.byAccountId(accountId).filter(a -> a.organisations().containsKey(organisationId))
                .orElseThrow(() -> StaffProblem.notFound("No such member of this organisation."));
    }

    private Invitation pendingInvitation(String organisationId, String invitationId) {
        return invitations.byId(invitationId)
                .filter(i -> i.organisationId().equals(organisationId) && i.status() == Invitation.Status.PENDING)
                .orElseThrow(Memberships::noPendingInvitation);
    }

    private PendingEvent sent(Invitation invitation, String secret) {
        UUID eventId = UUID.randomUUID();
        String link = properties.link("/staff/invitation#" + LinkSecrets.token(invitation.id(), secret));
        return events.pending(StaffEvents.INVITATION_SENT, invitation.organisationId(), eventId,
                new StaffInvitationSent(eventId, clock.instant(), invitation.id(), invitation.organisationId(), null,
                        invitation.role(), invitation.email(), invitation.invitedBy(), sealer.seal(link),
                        invitation.expiresAt(), LOCALE));
    }

    private PendingEvent changed(String organisationId, String change, StaffMembershipChanged.Member member,
            String role, String previousRole, Actor by) {
        UUID eventId = UUID.randomUUID();
        return events.pending(StaffEvents.MEMBERSHIP_CHANGED, organisationId, eventId, new StaffMembershipChanged(
                eventId, clock.instant(), organisationId, change, member, role, previousRole, by));
    }

    private static StaffMembershipChanged.Member invitationMember(Invitation invitation) {
        return new StaffMembershipChanged.Member(null, invitation.id(), invitation.email(), invitation.name());
    }

    private static StaffMembershipChanged.Member accountMember(StaffAccount account) {
        return new StaffMembershipChanged.Member(account.accountId(), null, account.email(), account.name());
    }

    private static StaffProblem badLink() {
        return new StaffProblem(HttpStatus.NOT_FOUND, "invitation-not-found", "No such invitation",
                "This link is not a valid invitation. Check that it was copied whole from the mail.");
    }

    private static StaffProblem gone(String type, String title, String detail) {
        return new StaffProblem(HttpStatus.GONE, type, title, detail);
    }

    private static StaffProblem noPendingInvitation() {
        return StaffProblem.notFound("No pending invitation with this id in this organisation.");
    }

    private static StaffProblem changedMeanwhile() {
        return new StaffProblem(HttpStatus.CONFLICT, "changed-meanwhile", "Changed meanwhile",
                "This member's role changed a moment ago. Reload the list and try again.");
    }
}
