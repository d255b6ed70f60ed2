package org.pledgeworks.notification.support;

/**
 * The mail servers this service talks to, one of each per test JVM on random ports on 127.0.0.1:
 * GreenMail for SMTP and WireMock as the HTTP email provider. Started on first use, stopped when the
 * JVM exits. The broker and the database are the kit's {@code TestInfrastructure}.
 */
public final class MailServers {

    private static MailCatcher smtp;
    private static FakeProvider provider;

    private MailServers() {
    }

    /** WireMock as the HTTP email provider, accepting everything unless a test stubs otherwise. */
    public static synchronized FakeProvider provider() {
        if (provider == null) {
            provider = FakeProvider.start(20);
            provider.acceptEverything();
            Runtime.getRuntime().addShutdownHook(new Thread(provider::stop));
        }
        return provider;
    }

    public static synchronized MailCatcher smtp() {
        if (smtp == null) {
            smtp = MailCatcher.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        }
        return smtp;
    }
}
