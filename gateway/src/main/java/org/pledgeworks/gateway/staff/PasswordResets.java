package org.pledgeworks.gateway.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.pledgeworks.kit.links.SealedText;
import org.pledgeworks.kit.links.SignedLinks;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password reset by mail. The link is signed ({@link SignedLinks}, purpose {@value #PURPOSE}) over the account id
 * and a fingerprint of the account's current password hash, so nothing is stored for it and it is single use:
 * once the password changes, by this link or otherwise, the fingerprint no longer matches and every reset link
 * made before dies. Only an address with an account gets a mail; the asker never learns which. Blocking: call it
 * off the event loop.
 */
@IssuesTokens
@Component
class PasswordResets {

    static final String PURPOSE = "staff-password-reset";

    private static final String PATH = "staff/password-reset#";

    private final StaffAccounts accounts;

    private final StaffEvents events;

    private final SealedText sealer;

    private final SignedLinks links;

    private final StaffProperties properties;

    private final PasswordEncoder passwords;

    private final Clock clock;

    PasswordResets(StaffAccounts accounts, StaffEvents events, SealedText staffLinkSealer, StaffProperties properties,
            PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.sealer = staffLinkSealer;
        this.links = new SignedLinks(properties.tokenSecret(), properties.link("/"));
        this.properties = properties;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** Publishes a reset link for the address's account, if there is one; nothing otherwise, and no sign of it. */
    void request(String email) {
        Optional<StaffAccount> found = accounts.byEmail(email);
        if (found.isEmpty()) {
            return;
        }
        StaffAccount account = found.get();
        Instant now = clock.instant();
        SignedLinks.Link link = links.create(PURPOSE, PATH, subject(account), now, properties.resetValidity());
        UUID eventId = UUID.randomUUID();
        List<PendingEvent> pending = List.of(events.pending(StaffEvents.PASSWORD_RESET_REQUESTED, account.accountId(),
                eventId, new StaffPasswordResetRequested(eventId, now, account.accountId(), account.email(),
                        account.name(), sealer.seal(link.url().toString()), link.expiresAt(), Memberships.LOCALE)));
        if (accounts.pushEvents(account.email(), pending)) {
            events.relay(StaffAccounts.COLLECTION, StaffAccounts.documentId(account), pending);
        }
    }

    /**
     * The account a reset link is for, while the link still holds; else the problem that says why not
     * (bad 404, expired 410, used or outdated 410).
     */
    StaffAccount account(String token) {
        SignedLinks.Check check = token == null || token.length() > 300 ? null
                : links.check(PURPOSE, token, clock.instant());
        if (check == null || check.outcome() == SignedLinks.Outcome.INVALID) {
            throw new StaffProblem(HttpStatus.NOT_FOUND, "reset-link-not-found", "No such reset link",
                    "This link is not a valid password-reset link. Check that it was copied whole from the mail.");
        }
        if (check.outcome() == SignedLinks.Outcome.EXPIRED) {
            throw expired();
        }
        String[] subject = check.subject().orElseThrow().split(" ", 2);
        return accounts.byAccountId(subject[0])
                .filter(account -> subject.length == 2 && subject[1].equals(fingerprint(account.passwordHash())))
                .orElseThrow(PasswordResets::used);
    }

    /**
     * Sets the new password (checked by the caller against the policy), if the link still holds; raises the
     * token version, so that every token issued before, whoever holds it, stops working at once.
     */
    StaffAccount reset(String token, String newPassword) {
        StaffAccount account = account(token);
        if (!accounts.resetPassword(account.email(), account.passwordHash(), passwords.encode(newPassword))) {
            throw used();
        }
        return accounts.byEmail(account.email()).orElseThrow();
    }

    private static String subject(StaffAccount account) {
        return account.accountId() + " " + fingerprint(account.passwordHash());
    }

    /** Of the hash, never of the password: the link shows nothing that helps guess it. */
    private static String fingerprint(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    private static StaffProblem expired() {
        return new StaffProblem(HttpStatus.GONE, "reset-link-expired", "Reset link expired",
                "This link has expired. Ask for a new one from the sign-in page.");
    }

    private static StaffProblem used() {
        return new StaffProblem(HttpStatus.GONE, "reset-link-used", "Reset link used",
                "This link was used already, or the password has changed since it was sent. Ask for a new one.");
    }
}
