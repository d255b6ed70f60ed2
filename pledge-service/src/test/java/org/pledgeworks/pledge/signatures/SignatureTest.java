package org.pledgeworks.pledge.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

/** The signature's changes: what each does to its state, whether it counts, and what it announces. */
class SignatureTest {

    // what BSON keeps of an instant
    private static final Instant NOW = TestClock.now().truncatedTo(ChronoUnit.MILLIS);
    private static final MailLinks LINKS = new MailLinks(URI.create("https://pledge.example/verify/t"),
            NOW.plus(Duration.ofDays(7)), URI.create("https://pledge.example/api/pledges/withdraw/w"));
    private static final URI WITHDRAW = LINKS.withdrawUrl();

    @Test
    void aVerifiedSignatureCountsAndSaysSo() {
        Transition verified = pending(Optional.empty()).verify(NOW, WITHDRAW).orElseThrow();

        assertThat(verified.after().status()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(verified.after().counts()).isTrue();
        assertThat(verified.after().purgeAt()).isNull();
        assertThat(verified.events()).singleElement().isInstanceOfSatisfying(PledgeVerified.class,
                e -> assertThat(e.counted()).isTrue());
        assertThat(verified.after().verify(NOW, WITHDRAW)).as("only once").isEmpty();
    }

    @Test
    void aQuarantinedSignatureCountsOnlyOnceReleasedAndThenAnnouncesIt() {
        Signature held = pending(Optional.of(QuarantineReason.IP_RATE));

        Transition verified = held.verify(NOW, WITHDRAW).orElseThrow();
        Transition released = verified.after().review(true, NOW).orElseThrow();

        assertThat(verified.after().counts()).isFalse();
        assertThat(verified.events()).singleElement().isInstanceOfSatisfying(PledgeVerified.class,
                e -> assertThat(e.counted()).isFalse());
        assertThat(released.after().counts()).isTrue();
        assertThat(released.events()).singleElement().isInstanceOf(PledgeReleased.class);
        assertThat(released.after().review(false, NOW)).as("decided once").isEmpty();
        assertThat(held.review(true, NOW).orElseThrow().events())
                .as("released while pending: its verification will say it counts").isEmpty();
        assertThat(held.review(false, NOW).orElseThrow().after().verify(NOW, WITHDRAW).orElseThrow().after().counts())
                .as("invalidated never counts").isFalse();
    }

    @Test
    void signaturesFromRobotsGetNoMail() {
        assertThat(pending(Optional.of(QuarantineReason.HONEYPOT)).signed("Title", LINKS).events()).isEmpty();
        assertThat(pending(Optional.of(QuarantineReason.IP_RATE)).signed("Title", LINKS).events())
                .singleElement().isInstanceOf(PledgeSigned.class);
    }

    @Test
    void withdrawingStopsCountingAndSaysWhatItWas() {
        Signature verified = pending(Optional.empty()).verify(NOW, WITHDRAW).orElseThrow().after();

        Transition withdrawn = verified.withdraw(NOW).orElseThrow();

        assertThat(withdrawn.after().counts()).isFalse();
        assertThat(withdrawn.events()).singleElement().isInstanceOfSatisfying(PledgeWithdrawn.class,
                e -> assertThat(e.wasVerified() && e.wasCounted()).isTrue());
        assertThat(withdrawn.after().withdraw(NOW)).isEmpty();
    }

    @Test
    void resendsAndRepeatsStopAtTheirLimits() {
        Signature signature = pending(Optional.empty());
        for (int i = 0; i < 2; i++) {
            signature = signature.resend(NOW, "slug", "Title", LINKS, 2).orElseThrow().after();
        }

        assertThat(signature.resend(NOW, "slug", "Title", LINKS, 2)).isEmpty();
        assertThat(signature.signedAgain(NOW, "slug", "Title", "a@example.org", null, LINKS, 1).orElseThrow()
                .after().signedAgain(NOW, "slug", "Title", "a@example.org", null, LINKS, 1)).isEmpty();
    }

    @Test
    void erasureKeepsTheAnonymousSignatureCounting() {
        Signature verified = pending(Optional.empty()).verify(NOW, WITHDRAW).orElseThrow().after();

        Signature erased = verified.erase(NOW).orElseThrow().after();

        assertThat(erased.signer()).isNull();
        assertThat(erased.emailKey()).isEqualTo("erased:" + erased.id());
        assertThat(erased.counts()).isTrue();
        assertThat(erased.mailable()).isFalse();
        assertThat(erased.erase(NOW)).isEmpty();
    }

    @Test
    void theCodecReadsBackWhatItWritesAndAChangeSetsOnlyWhatChanged() {
        Signature pending = pending(Optional.of(QuarantineReason.DOMAIN_RATE));
        Signature verified = pending.verify(NOW, WITHDRAW).orElseThrow().after();
        Signature erased = verified.erase(NOW).orElseThrow().after();

        assertThat(SignatureCodec.fromDocument(SignatureCodec.toDocument(pending))).isEqualTo(pending);
        assertThat(SignatureCodec.fromDocument(SignatureCodec.toDocument(erased))).isEqualTo(erased);
        assertThat(SignatureCodec.changes(pending, verified).stream().map(Object::toString).toList())
                .containsExactlyInAnyOrderElementsOf(List.of(Updates.set("status", "VERIFIED"),
                        Updates.set("verifiedAt", Date.from(NOW)), Updates.unset("purgeAt")).stream()
                        .map(Object::toString).toList());
        assertThat(SignatureCodec.toDocument(erased)).doesNotContainKeys("name", "email", "emailDomain",
                "postalCode", "locale", "consentToUpdates", "ipHash", "source");
    }

    private static Signature pending(Optional<QuarantineReason> quarantine) {
        PersonalData signer = new PersonalData("Ada Lovelace", "Ada@example.org", "example.org", "NW1", "en", true,
                "iphash", Map.of("utm_source", "mail"));
        return Signature.pending("3f2a-sig", "c-1", "slug", "ada@example.org", signer, "GB", 2, "Keep me updated",
                quarantine, NOW, NOW.plus(Duration.ofDays(7)));
    }
}
