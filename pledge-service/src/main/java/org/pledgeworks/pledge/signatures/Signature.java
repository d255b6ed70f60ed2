package org.pledgeworks.pledge.signatures;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * One person's signature of one campaign, and every change it can make. A change is a method that
 * returns the {@link Transition} it leads to (the state after and the events it causes), or nothing
 * when it does not apply; {@link Signatures#change} writes it only if nobody changed the signature
 * in between. Whether a signature counts is decided here and nowhere else.
 *
 * @param emailKey   the normalised address ({@link EmailAddresses#normalise}): one signature per key
 *                   and campaign; {@code erased:<id>} once erased
 * @param signer     what identifies the person; null once erased
 * @param counts     whether it counts now (verified and not held back), kept so queries can ask
 * @param review     null unless held back at signing
 * @param purgeAt    when it goes if never verified; null once verified or withdrawn
 * @param version    raised by every change; null for a signature written before versions
 * @param countOps   count changes written with a change and not yet applied to the counters
 */
public record Signature(String id, String campaignId, String campaignSlug, String emailKey, PersonalData signer,
        String country, int pledgeTextVersion, String consentWording, SignatureStatus status, boolean counts,
        Review review, Instant createdAt, Instant purgeAt, Instant verifiedAt, Instant withdrawnAt,
        Instant erasedAt, int resends, int repeats, Integer version, List<CountOp> countOps) {

    public Signature {
        countOps = countOps == null ? List.of() : List.copyOf(countOps);
    }

    /** A new signature, waiting for its signer to confirm. */
    public static Signature pending(String id, String campaignId, String campaignSlug, String emailKey,
            PersonalData signer, String country, int pledgeTextVersion, String consentWording,
            Optional<QuarantineReason> quarantine, Instant now, Instant purgeAt) {
        return new Signature(id, campaignId, campaignSlug, emailKey, signer, country, pledgeTextVersion,
                consentWording, SignatureStatus.PENDING, false,
                quarantine.map(reason -> new Review(Review.State.QUARANTINED, reason, now)).orElse(null), now,
                purgeAt, null, null, null, 0, 0, 0, List.of());
    }

    /** A signature counts when verified and not held back (quarantined or invalidated). */
    static boolean counting(SignatureStatus status, Review review) {
        return status == SignatureStatus.VERIFIED && (review == null || review.state() == Review.State.RELEASED);
    }

    /** Whether the person gets mail about it: not once erased or invalidated, nor when robots are suspected. */
    public boolean mailable() {
        return erasedAt == null && (review == null || review.state() != Review.State.INVALIDATED
                && (review.reason() == null || review.reason().mailed()));
    }

    public boolean quarantined() {
        return review != null && review.state() == Review.State.QUARANTINED;
    }

    /** Its creation: {@code pledge-signed} asks for the verification mail, unless it is not to be mailed. */
    public Transition signed(String campaignTitle, MailLinks links) {
        if (!mailable()) {
            return new Transition(this, List.of(), createdAt);
        }
        return new Transition(this, List.of(signedEvent(createdAt, campaignSlug, campaignTitle, links)), createdAt);
    }

    /**
     * Someone signed again with this signature's address: {@code pledge-signed-again} (an "already
     * signed" mail to the address typed), up to {@code limit} times, so a form cannot flood an inbox.
     */
    public Optional<Transition> signedAgain(Instant now, String slug, String campaignTitle, String typedEmail,
            String locale, MailLinks links, int limit) {
        if (!mailable() || repeats >= limit) {
            return Optional.empty();
        }
        PledgeSignedAgain again = new PledgeSignedAgain(UUID.randomUUID(), now, id, campaignId, slug, campaignTitle,
                signer.name(), typedEmail, locale != null ? locale : signer.locale(),
                status.name().toLowerCase(Locale.ROOT),
                status == SignatureStatus.PENDING ? links.verificationUrl() : null,
                status == SignatureStatus.WITHDRAWN ? null : links.withdrawUrl());
        return Optional.of(new Transition(with().repeats(repeats + 1).build(), List.of(again), now));
    }

    /**
     * The verification mail again: a fresh {@code pledge-signed} (a new event id is what makes it mail
     * again), while pending, up to {@code limit} times.
     */
    public Optional<Transition> resend(Instant now, String slug, String campaignTitle, MailLinks links, int limit) {
        if (status != SignatureStatus.PENDING || !mailable() || resends >= limit) {
            return Optional.empty();
        }
        return Optional.of(new Transition(with().resends(resends + 1).build(),
                List.of(signedEvent(now, slug, campaignTitle, links)), now));
    }

    /** The signer confirmed by a link still valid: verified, and counting unless held back. */
    public Optional<Transition> verify(Instant now, URI withdrawUrl) {
        if (status != SignatureStatus.PENDING) {
            return Optional.empty();
        }
        Signature after = with().status(SignatureStatus.VERIFIED).verifiedAt(now).purgeAt(null)
                .counts(counting(SignatureStatus.VERIFIED, review)).build();
        PersonalData p = signer;
        PledgeVerified verified = new PledgeVerified(UUID.randomUUID(), now, id, campaignId, country,
                p != null && p.consentToUpdates(), p == null ? null : p.name(), p == null ? null : p.email(),
                p == null ? null : p.locale(), withdrawUrl, p == null ? null : p.ipHash(), after.counts());
        return Optional.of(new Transition(after, List.of(verified), now));
    }

    /** Withdrawn by its signer: it no longer counts. */
    public Optional<Transition> withdraw(Instant now) {
        if (status == SignatureStatus.WITHDRAWN) {
            return Optional.empty();
        }
        PledgeWithdrawn withdrawn = new PledgeWithdrawn(UUID.randomUUID(), now, id, campaignId, country,
                status == SignatureStatus.VERIFIED, counts);
        return Optional.of(new Transition(with().status(SignatureStatus.WITHDRAWN).withdrawnAt(now).purgeAt(null)
                .counts(false).build(), List.of(withdrawn), now));
    }

    /**
     * Staff's decision on a quarantined signature: released (it counts once verified) or invalidated (it
     * never counts). One verified while held starts counting now, which {@code pledge-released} says: its
     * {@code pledge-verified} said it did not count.
     */
    public Optional<Transition> review(boolean release, Instant now) {
        if (!quarantined()) {
            return Optional.empty();
        }
        Review decided = new Review(release ? Review.State.RELEASED : Review.State.INVALIDATED, review.reason(), now);
        Signature after = with().review(decided).counts(counting(status, decided)).build();
        if (!after.counts() || counts) {
            return Optional.of(new Transition(after, List.of(), now));
        }
        PersonalData p = signer;
        PledgeReleased released = new PledgeReleased(UUID.randomUUID(), now, id, campaignId, country,
                p != null && p.consentToUpdates(), p == null ? null : p.name(), p == null ? null : p.email(),
                p == null ? null : p.locale(), p == null ? null : p.ipHash(), verifiedAt);
        return Optional.of(new Transition(after, List.of(released), now));
    }

    /**
     * The person asked to be forgotten: what identifies them goes, the anonymous rest stays and keeps
     * counting. The key becomes a placeholder, not nothing, so erased signatures never collide.
     */
    public Optional<Transition> erase(Instant at) {
        if (erasedAt != null) {
            return Optional.empty();
        }
        return Optional.of(new Transition(with().signer(null).emailKey("erased:" + id).erasedAt(at).build(),
                List.of(), at));
    }

    private PledgeSigned signedEvent(Instant at, String slug, String campaignTitle, MailLinks links) {
        return new PledgeSigned(UUID.randomUUID(), at, id, campaignId, slug, campaignTitle, signer.name(),
                signer.email(), country, signer.locale(), signer.consentToUpdates(), pledgeTextVersion,
                links.verificationUrl(), links.verificationExpiresAt(), links.withdrawUrl(), signer.ipHash());
    }

    private Draft with() {
        return new Draft(this);
    }

    /** A copy with some fields changed: what each change above builds its state after with. */
    private static final class Draft {

        private final Signature from;
        private String emailKey;
        private PersonalData signer;
        private SignatureStatus status;
        private boolean counts;
        private Review review;
        private Instant purgeAt;
        private Instant verifiedAt;
        private Instant withdrawnAt;
        private Instant erasedAt;
        private int resends;
        private int repeats;

        Draft(Signature from) {
            this.from = from;
            this.emailKey = from.emailKey;
            this.signer = from.signer;
            this.status = from.status;
            this.counts = from.counts;
            this.review = from.review;
            this.purgeAt = from.purgeAt;
            this.verifiedAt = from.verifiedAt;
            this.withdrawnAt = from.withdrawnAt;
            this.erasedAt = from.erasedAt;
            this.resends = from.resends;
            this.repeats = from.repeats;
        }

        Draft emailKey(String value) { emailKey = value; return this; }
        Draft signer(PersonalData value) { signer = value; return this; }
        Draft status(SignatureStatus value) { status = value; return this; }
        Draft counts(boolean value) { counts = value; return this; }
        Draft review(Review value) { review = value; return this; }
        Draft purgeAt(Instant value) { purgeAt = value; return this; }
        Draft verifiedAt(Instant value) { verifiedAt = value; return this; }
        Draft withdrawnAt(Instant value) { withdrawnAt = value; return this; }
        Draft erasedAt(Instant value) { erasedAt = value; return this; }
        Draft resends(int value) { resends = value; return this; }
        Draft repeats(int value) { repeats = value; return this; }

        Signature build() {
            return new Signature(from.id, from.campaignId, from.campaignSlug, emailKey, signer, from.country,
                    from.pledgeTextVersion, from.consentWording, status, counts, review, from.createdAt, purgeAt,
                    verifiedAt, withdrawnAt, erasedAt, resends, repeats, from.version, from.countOps);
        }
    }
}
