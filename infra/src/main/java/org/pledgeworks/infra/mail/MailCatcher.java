package org.pledgeworks.infra.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import org.pledgeworks.infra.process.Arguments;

/**
 * An SMTP server that accepts any mail for anyone (authentication is optional and any credentials
 * pass) and a web inbox that shows it. For development only: it keeps mail in memory and forgets
 * it when it stops.
 */
public final class MailCatcher implements AutoCloseable {

    /** Enough for any manual test; a load test's flood only keeps its latest mails. */
    static final int CAPACITY = 2000;

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final GreenMail smtp;
    private final HttpServer http;
    private final ExecutorService httpThreads;
    private final MessageStore store;
    private final String host;

    private MailCatcher(GreenMail smtp, HttpServer http, ExecutorService httpThreads, MessageStore store, String host) {
        this.smtp = smtp;
        this.http = http;
        this.httpThreads = httpThreads;
        this.store = store;
        this.host = host;
    }

    /** Port 0 for either picks a free port; read it back from {@link #smtpPort()} / {@link #httpPort()}. */
    public static MailCatcher start(String host, int smtpPort, int httpPort) {
        MessageStore store = new MessageStore(CAPACITY);
        ServerSetup setup = new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP);
        GreenMail smtp = new GreenMail(smtpPort == 0 ? setup.dynamicPort() : setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        smtp.getUserManager().setMessageDeliveryHandler(new CatchAllMailbox(store));
        ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "inbox-http");
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(host, httpPort), 50);
            http.setExecutor(threads);
            String smtpAddress = host + ":" + smtp.getSmtp().getPort();
            http.createContext("/", new InboxHandler(store, smtpAddress));
            http.start();
            return new MailCatcher(smtp, http, threads, store, host);
        } catch (IOException e) {
            smtp.stop();
            threads.shutdownNow();
            throw new UncheckedIOException("could not start the inbox on " + host + ":" + httpPort, e);
        }
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    public URI inboxUri() {
        return URI.create("http://" + host + ":" + httpPort() + "/");
    }

    /** Newest first. */
    public List<CaughtMessage> messages() {
        return store.messages();
    }

    public void clear() {
        store.clear();
    }

    @Override
    public void close() {
        http.stop(0);
        httpThreads.shutdownNow();
        smtp.stop();
    }

    /** {@code --host 127.0.0.1 --smtp-port 2525 --http-port 8025}; runs until SIGTERM. */
    public static void main(String[] args) throws InterruptedException {
        // Jakarta Mail 2.1 finds its stream provider by a ServiceLoader scan for every MIME part it
        // parses (jakartaee/mail-api#699); named here, it is instantiated directly. See
        // notification-service's MailStreams, which measured it.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        Map<String, String> options = Arguments.parse(args);
        MailCatcher catcher = start(options.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("smtp-port", "2525")),
                Integer.parseInt(options.getOrDefault("http-port", "8025")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            catcher.close();
            stopped.countDown();
        }, "mail-catcher-shutdown"));
        System.out.println("mail catcher: SMTP on " + catcher.host + ":" + catcher.smtpPort() + ", inbox on "
                + catcher.inboxUri());
        stopped.await();
    }
}
