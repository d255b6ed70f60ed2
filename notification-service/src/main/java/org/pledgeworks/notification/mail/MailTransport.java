package org.pledgeworks.notification.mail;

import java.time.Duration;
import java.util.List;

/**
 * A way to hand mail to a provider: SMTP ({@link SmtpTransport}) or the provider's HTTP batch API
 * ({@code provider.HttpProviderTransport}). Chosen by {@code pledgeworks.mail.transport} (every mail)
 * and {@code pledgeworks.mail.bulk-transport} (bulk mail; the same unless set).
 */
public interface MailTransport {

    /** {@code smtp} or {@code http}, as in the settings. */
    String name();

    /** How many mails one {@link #send} call takes at most. */
    int maxBatch();

    /**
     * How long a sender waits for more mail before a call that is not full: worth it where one call
     * costs the same for one mail as for many (an HTTP batch), not where mails go one after another
     * anyway (SMTP).
     */
    default Duration batchWindow() {
        return Duration.ZERO;
    }

    /**
     * Hands the mails over. Never throws for a problem with the provider or with one mail: each mail
     * gets its outcome, in the order given.
     */
    List<SendOutcome> send(List<OutgoingMail> mails);
}
