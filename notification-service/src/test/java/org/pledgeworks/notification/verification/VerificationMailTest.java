package org.pledgeworks.notification.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTemplates;

class VerificationMailTest {

    private final VerificationMail verification = new VerificationMail(new MailTemplates());

    @Test
    void theMailAsksToConfirmWithTheLinkItsExpiryAndAWayOut() {
        Mail mail = verification.render(signed("Ada Example", "Buy only goods made without forced labour"));

        assertThat(mail.to()).isEqualTo("Ada.Example+pledges@example.org");
        assertThat(mail.subject()).isEqualTo("Confirm your signature: Buy only goods made without forced labour");
        for (String part : new String[] { mail.text(), mail.html() }) {
            assertThat(part).contains("Ada Example")
                    .contains("Buy only goods made without forced labour")
                    .contains("https://pledge.example/verify/tok.1796022902.sig")
                    .contains("5 December 2026, 09:15 UTC")
                    .contains("If you did not sign this pledge, you can ignore this email");
        }
        assertThat(mail.html()).contains("<a href=\"https://pledge.example/verify/tok.1796022902.sig\"")
                .contains("Confirm my signature");
    }

    @Test
    void theHtmlPartEscapesWhatTheSignerTyped() {
        Mail mail = verification.render(signed("<script>alert(1)</script>", "Tea & <i>biscuits</i>"));

        assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Tea &amp; &lt;i&gt;biscuits&lt;/i&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<i>");
    }

    @Test
    void deliveryIdsFollowTheEvent() {
        assertThat(VerificationRequests.deliveryId("0b9d7f0e-3b0c-4c5e-9d7a-2a4d1b6c8e11"))
                .isEqualTo("0b9d7f0e-3b0c-4c5e-9d7a-2a4d1b6c8e11:verification");
    }

    private static PledgeSigned signed(String name, String title) {
        return new PledgeSigned(UUID.randomUUID(), Instant.parse("2026-11-28T09:15:02.123Z"), "sig-1", title,
                name, "Ada.Example+pledges@example.org", "en", "https://pledge.example/verify/tok.1796022902.sig",
                Instant.parse("2026-12-05T09:15:02Z"));
    }
}
