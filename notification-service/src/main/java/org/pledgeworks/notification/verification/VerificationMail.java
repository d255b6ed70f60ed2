package org.pledgeworks.notification.verification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTemplates;

import org.springframework.stereotype.Component;

/** Renders the verification mail for a new signature from the {@code verification} templates. */
@Component
class VerificationMail {

    static final String TEMPLATE = "verification";

    // An unambiguous date for every reader, whatever their time zone: "5 December 2026, 09:15 UTC".
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final MailTemplates templates;

    VerificationMail(MailTemplates templates) {
        this.templates = templates;
    }

    Mail render(PledgeSigned signed) {
        return templates.render(TEMPLATE, signed.locale(), signed.email(), Map.of(
                "name", signed.name(),
                "campaignTitle", signed.campaignTitle(),
                "verificationUrl", signed.verificationUrl(),
                "expiresAt", EXPIRY.format(signed.verificationExpiresAt())));
    }
}
