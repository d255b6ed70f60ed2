package org.pledgeworks.pledge.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pledgeworks.pledge.system.PledgeServiceProperties;

class VerificationLinksTest {

    /** Any instant will do: the links read no clock, they are handed "now" (the service passes its Clock's). */
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    private final VerificationLinks links = links("a-secret");

    @Test
    void aFreshLinkIsValidForItsSignatureAndCarriesNoPersonalData() {
        VerificationLinks.VerificationLink link = links.create("sig-123", now);

        assertThat(link.url().toString()).startsWith("https://pledge.example/verify/");
        assertThat(link.expiresAt()).isEqualTo(now.plus(Duration.ofDays(7)));
        VerificationLinks.Check check = links.check(token(link), now.plus(Duration.ofDays(6)));
        assertThat(check.outcome()).isEqualTo(VerificationLinks.Outcome.VALID);
        assertThat(check.signatureId()).hasValue("sig-123");
    }

    @Test
    void afterItsValidityItHasExpired() {
        VerificationLinks.VerificationLink link = links.create("sig-123", now);

        assertThat(links.check(token(link), now.plus(Duration.ofDays(7)).plusSeconds(1)).outcome())
                .isEqualTo(VerificationLinks.Outcome.EXPIRED);
    }

    @Test
    void aLinkSignedWithAnotherKeyOrAlteredIsInvalid() {
        String token = token(links("another-secret").create("sig-123", now));
        String[] parts = token(links.create("sig-123", now)).split("\\.");
        String longerExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];

        assertThat(links.check(token, now).outcome()).isEqualTo(VerificationLinks.Outcome.INVALID);
        assertThat(links.check(longerExpiry, now).outcome()).isEqualTo(VerificationLinks.Outcome.INVALID);
        assertThat(links.check("garbage", now).outcome()).isEqualTo(VerificationLinks.Outcome.INVALID);
        assertThat(links.check("a.b.c", now).outcome()).isEqualTo(VerificationLinks.Outcome.INVALID);
    }

    private static String token(VerificationLinks.VerificationLink link) {
        String url = link.url().toString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static VerificationLinks links(String secret) {
        return new VerificationLinks(PledgeServiceProperties.of("db", URI.create("https://pledge.example"),
                new PledgeServiceProperties.Verification(secret, Duration.ofDays(7))));
    }
}
