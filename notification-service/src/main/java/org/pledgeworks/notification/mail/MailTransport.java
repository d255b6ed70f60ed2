package org.pledgeworks.notification.mail;

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
     * Hands the mails over. Never throws for a problem with the provider or with one mail: each mail
     * gets its outcome, in the order given.
     */
    List<SendOutcome> send(List<OutgoingMail> mails);
}
