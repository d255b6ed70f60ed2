package org.pledgeworks.notification.mail;

/**
 * Names Jakarta Mail's stream provider up front. Jakarta Mail 2.1 looks it up anew for every MIME part
 * it builds or writes and every encoder it opens, with a ServiceLoader scan of every jar on the class
 * path (jakartaee/mail-api#699, #861; cached only from 2.2): in benchmark run 12 that scan was a third
 * of notification-service's CPU while it sent verification mail (JFR: {@code FactoryFinder.find} under
 * {@code MailComposer.compose} and {@code MimeBodyPart.writeTo}). Named in the system property, the
 * provider is instantiated directly instead.
 */
public final class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() {
    }

    /** Before the first mail; leaves a provider named by the operator alone, and does nothing without Angus. */
    public static void nameTheProvider() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreams.class.getClassLoader());
            System.setProperty(PROPERTY, ANGUS);
        }
        catch (ClassNotFoundException e) {
            // another implementation: its ServiceLoader entry still finds it
        }
    }
}
