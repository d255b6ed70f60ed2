package org.pledgeworks.notification.mail;

/**
 * A mail was not handed over. Transient: try again later (server down, timeout, SMTP 4xx).
 * Permanent: it can never succeed (SMTP 5xx for the recipient, an invalid address).
 * The reason is safe to log and store: it never holds the address or the server's reply text.
 */
public class MailFailure extends Exception {

    private final boolean permanent;

    private MailFailure(boolean permanent, String reason) {
        super(reason, null, false, false);
        this.permanent = permanent;
    }

    public static MailFailure transientFailure(String reason) {
        return new MailFailure(false, reason);
    }

    public static MailFailure permanentFailure(String reason) {
        return new MailFailure(true, reason);
    }

    public boolean permanent() {
        return permanent;
    }

    public String reason() {
        return getMessage();
    }
}
