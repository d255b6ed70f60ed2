package org.pledgeworks.notification.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SMTP: up to {@code pledgeworks.mail.smtp-mails-per-connection} mails over one connection
 * ({@link SmtpMailer}); the sender's threads, one connection each, give the parallelism.
 */
public class SmtpTransport implements MailTransport {

    private final SmtpMailer mailer;
    private final int mailsPerConnection;

    public SmtpTransport(SmtpMailer mailer, int mailsPerConnection) {
        if (mailsPerConnection < 1) {
            throw new IllegalArgumentException("smtp-mails-per-connection must be at least 1");
        }
        this.mailer = mailer;
        this.mailsPerConnection = mailsPerConnection;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public int maxBatch() {
        return mailsPerConnection;
    }

    @Override
    public List<SendOutcome> send(List<OutgoingMail> mails) {
        List<Optional<MailFailure>> failures = mailer.sendAll(mails);
        List<SendOutcome> outcomes = new ArrayList<>(failures.size());
        for (Optional<MailFailure> failure : failures) {
            // An SMTP 5xx for the recipient tells nothing reliable about the address in general (it
            // may be our message): rejected, but not suppressed.
            outcomes.add(failure.map(f -> f.permanent() ? SendOutcome.rejected(f.reason(), false)
                    : SendOutcome.failedTransiently(f.reason())).orElseGet(SendOutcome::sent));
        }
        return outcomes;
    }
}
