package org.pledgeworks.notification.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on 127.0.0.1 that misbehaves on cue, by the recipient's local part: {@code refused…}
 * gets 550 at RCPT, {@code later…} 451, {@code vanish…} a connection closed after the message's
 * final dot (before the reply, so the client cannot know). Anything else is accepted. It remembers
 * what it accepted and on which connection, and can hang up on QUIT instead of answering.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** One mail the server answered 250 to after DATA. */
    record Accepted(int connection, String recipient, String messageId) {
    }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Accepted> accepted = new ArrayList<>();
    private volatile boolean hangUpOnQuit;

    ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    synchronized List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    void hangUpOnQuit() {
        hangUpOnQuit = true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                int number = connections.incrementAndGet();
                Thread session = new Thread(() -> converse(client, number), "scripted-smtp-" + number);
                session.setDaemon(true);
                session.start();
            }
            catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket client, int connection) {
        try (client) {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 scripted");
                }
                else if (command.startsWith("MAIL FROM")) {
                    recipient = null;
                    reply(out, "250 2.1.0 ok");
                }
                else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    if (address.startsWith("refused")) {
                        reply(out, "550 5.1.1 no such user");
                    }
                    else if (address.startsWith("later")) {
                        reply(out, "451 4.3.0 try again later");
                    }
                    else {
                        recipient = address;
                        reply(out, "250 2.1.5 ok");
                    }
                }
                else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    String messageId = null;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = line.substring(11).trim();
                        }
                    }
                    if (recipient != null && recipient.startsWith("vanish")) {
                        return;
                    }
                    synchronized (this) {
                        accepted.add(new Accepted(connection, recipient, messageId));
                    }
                    reply(out, "250 2.0.0 queued");
                }
                else if (command.equals("QUIT")) {
                    if (!hangUpOnQuit) {
                        reply(out, "221 2.0.0 bye");
                    }
                    return;
                }
                else {
                    reply(out, "250 2.0.0 ok"); // RSET, NOOP
                }
            }
        }
        catch (IOException e) {
            // the client hung up: what it was told stands
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
