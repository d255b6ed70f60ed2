package org.pledgeworks.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.links.SealedText;
import org.pledgeworks.notification.system.NotificationServiceProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** A stored mail holds a sealed link; only the copy handed to the transport holds it opened. */
class SealedLinksTest {

    private static final String LINK = "https://pledgeworks.test/staff/reset/tok?a=1&b=2";

    private final SealedLinks links = links("shared secret");
    private final String sealed = new SealedText("shared secret").seal(LINK);
    private final Mail stored = new MailTemplates().render("staff-password-reset", "en", "a@example.org",
            Map.of("name", "Ada", "resetUrl", sealed, "validFor", "an hour", "expiresAt", "7 December 2026, 10:05 UTC"));

    @Test
    void theStoredMailHoldsTheSealedValueAndTheOpenedOneTheLinkEscapedInItsHtml() {
        assertThat(stored.text() + stored.html()).contains(sealed).doesNotContain(LINK);

        Mail opened = links.openIn(stored, List.of(sealed)).orElseThrow();

        assertThat(opened.text()).contains("\n" + LINK + "\n").doesNotContain(sealed);
        assertThat(opened.html()).contains("href=\"https://pledgeworks.test/staff/reset/tok?a=1&amp;b=2\"")
                .doesNotContain(sealed).doesNotContain("a=1&b=2");
        assertThat(opened.to()).isEqualTo(stored.to());
        assertThat(opened.subject()).isEqualTo(stored.subject());
    }

    @Test
    void aLinkSealedUnderAnotherSecretOrChangedDoesNotOpen() {
        String changed = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");

        assertThat(links("another secret").openIn(stored, List.of(sealed))).isEmpty();
        assertThat(links.open(changed)).isEmpty();
        assertThat(links("").open(sealed)).as("no secret configured").isEmpty();
    }

    private static SealedLinks links(String secret) {
        return new SealedLinks(new Binder(new MapConfigurationPropertySource(Map.of("pledgeworks.tokens.secret", secret)))
                .bindOrCreate("pledgeworks", NotificationServiceProperties.class));
    }
}
