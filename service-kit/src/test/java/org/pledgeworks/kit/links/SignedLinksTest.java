package org.pledgeworks.kit.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.links.SignedLinks.Link;
import org.pledgeworks.kit.links.SignedLinks.Outcome;

class SignedLinksTest {

    /** Any instant will do: the links read no clock, they are handed "now". */
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    private final SignedLinks links = new SignedLinks("a-secret", "https://pledge.example");

    @Test
    void aLinkLeadsToItsPathAndIsValidForItsPurposeUntilItExpires() {
        Link link = links.create("interest-confirm", "api/confirm/", "id-123", now, Duration.ofDays(7));

        assertThat(link.url().toString()).startsWith("https://pledge.example/api/confirm/");
        assertThat(link.expiresAt()).isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(links.check("interest-confirm", token(link), now.plus(Duration.ofDays(7))))
                .satisfies(check -> {
                    assertThat(check.outcome()).isEqualTo(Outcome.VALID);
                    assertThat(check.subject()).hasValue("id-123");
                });
        assertThat(links.check("interest-confirm", token(link), now.plus(Duration.ofDays(7)).plusSeconds(1)).outcome())
                .isEqualTo(Outcome.EXPIRED);
    }

    @Test
    void aLinkForOnePurposeNeverWorksForAnotherNorWithoutOne() {
        Link confirm = links.create("interest-confirm", "c/", "id-123", now, Duration.ofDays(7));
        Link plain = links.create("verify/", "id-123", now, Duration.ofDays(7));

        assertThat(links.check("interest-withdraw", token(confirm), now).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(links.check(token(confirm), now).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(links.check("interest-confirm", token(plain), now).outcome()).isEqualTo(Outcome.INVALID);
        assertThat(links.check(token(plain), now).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void anotherKeyAnAlteredExpiryOrGarbageIsInvalidAndNamesNoSubject() {
        String otherKey = token(new SignedLinks("another-secret", "https://pledge.example/")
                .create("p", "x/", "id-123", now, Duration.ofDays(7)));
        String[] parts = token(links.create("p", "x/", "id-123", now, Duration.ofDays(7))).split("\\.");
        String longer = parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2];

        for (String token : new String[] {otherKey, longer, "garbage", "a.b.c", "..", "a.1.!!"}) {
            assertThat(links.check("p", token, now)).as(token).satisfies(check -> {
                assertThat(check.outcome()).isEqualTo(Outcome.INVALID);
                assertThat(check.subject()).isEmpty();
            });
        }
    }

    @Test
    void withoutASecretLinksStillWorkWithinTheProcessButNotAcrossTwo() {
        SignedLinks first = new SignedLinks("", "https://pledge.example");
        SignedLinks second = new SignedLinks(null, "https://pledge.example");
        String token = token(first.create("p", "x/", "id-1", now, Duration.ofDays(1)));

        assertThat(first.check("p", token, now).outcome()).isEqualTo(Outcome.VALID);
        assertThat(second.check("p", token, now).outcome()).isEqualTo(Outcome.INVALID);
    }

    private static String token(Link link) {
        String url = link.url().toString();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
