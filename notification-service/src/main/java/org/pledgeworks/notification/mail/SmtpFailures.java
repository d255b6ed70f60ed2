package org.pledgeworks.notification.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Tells what a failed SMTP hand-over means. SMTP says it in the reply code: 4xx try again later, 5xx
 * never. Without a code (connection refused, timeout, reset) it is transient. A rejected sender
 * (MAIL FROM) is our configuration, not the recipient: transient, so nothing is lost while it is
 * fixed.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /** Why one mail was not accepted on an open connection. */
    static MailFailure classify(MessagingException e) {
        return classify(List.of(e));
    }

    /** Why no connection could be opened: no mail was tried on it. */
    static MailFailure connectFailure(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return MailFailure.transientFailure("SMTP authentication failed");
        }
        return classify(List.of(e));
    }

    private static MailFailure classify(List<? extends Throwable> failures) {
        List<Throwable> chain = flatten(failures);
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException rejected) {
                return byCode(rejected.getReturnCode(), "recipient rejected");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSenderFailedException rejected) {
                return MailFailure.transientFailure("sender rejected: SMTP " + rejected.getReturnCode());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSendFailedException rejected && rejected.getReturnCode() > 0) {
                return byCode(rejected.getReturnCode(), "message rejected");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AddressException) {
                return MailFailure.permanentFailure("invalid recipient address");
            }
            if (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return MailFailure.permanentFailure("invalid recipient address");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IOException) {
                return MailFailure.transientFailure("SMTP server unreachable: " + t.getClass().getSimpleName());
            }
        }
        Throwable first = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        return MailFailure.transientFailure("SMTP failure: " + (first == null ? "unknown" : first.getClass().getSimpleName()));
    }

    private static MailFailure byCode(int code, String what) {
        String reason = what + ": SMTP " + code;
        return code >= 500 && code < 600 ? MailFailure.permanentFailure(reason) : MailFailure.transientFailure(reason);
    }

    /** Every cause and every chained ("next") exception, each once. */
    private static List<Throwable> flatten(List<? extends Throwable> failures) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> out = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(failures);
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            out.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException m) {
                todo.add(m.getNextException());
            }
        }
        return out;
    }
}
