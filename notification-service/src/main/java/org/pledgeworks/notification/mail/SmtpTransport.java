package org.pledgeworks.notification.mail;

import java.util.ArrayList;
import java.util.List;

/** SMTP, one mail per connection ({@link SmtpMailer}); the sender's threads give the parallelism. */
public class SmtpTransport implements MailTransport {

    private final SmtpMailer mailer;

    public SmtpTransport(SmtpMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public int maxBatch() {
        return 1;
    }

    @Override
    public List<SendOutcome> send(List<OutgoingMail> mails) {
        List<SendOutcome> outcomes = new ArrayList<>(mails.size());
        for (OutgoingMail mail : mails) {
            try {
                mailer.send(mail.mail(), mail.messageId());
                outcomes.add(SendOutcome.sent());
            }
            catch (MailFailure failure) {
                // An SMTP 5xx for the recipient tells nothing reliable about the address in general
                // (it may be our message): rejected, but not suppressed.
                outcomes.add(failure.permanent() ? SendOutcome.rejected(failure.reason(), false)
                        : SendOutcome.failedTransiently(failure.reason()));
            }
        }
        return outcomes;
    }
}
