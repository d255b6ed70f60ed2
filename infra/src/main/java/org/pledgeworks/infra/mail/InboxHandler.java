package org.pledgeworks.infra.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The inbox's routes:
 * {@code GET /}, {@code GET /messages/{id}}, {@code GET /messages/{id}/html}, {@code GET /messages/{id}/raw},
 * {@code POST /clear} for people; {@code GET|DELETE /api/messages}, {@code GET /api/messages/{id}},
 * {@code GET /api/recipients} (each recipient's Message-IDs, as often as received) and
 * {@code GET /health} for scripts.
 */
final class InboxHandler implements HttpHandler {

    private static final Pattern MESSAGE = Pattern.compile("/messages/([0-9]+)(/html|/raw)?");
    private static final Pattern API_MESSAGE = Pattern.compile("/api/messages/([0-9]+)");

    /** Our own pages: inline styles, our own frame and form, nothing else. */
    private static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The mail's HTML: images and styles from anywhere (as a mail client would show them), no
     * scripts, no forms, no plugins, and the same sandbox as the frame if opened directly.
     */
    private static final String MAIL_POLICY = "default-src 'none'; img-src data: cid: http: https:; "
            + "style-src 'unsafe-inline' http: https:; font-src data: http: https:; frame-ancestors 'self'; "
            + "sandbox " + InboxPages.FRAME_SANDBOX;

    private final MessageStore store;
    private final String smtpAddress;

    InboxHandler(MessageStore store, String smtpAddress) {
        this.store = store;
        this.smtpAddress = smtpAddress;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange, exchange.getRequestMethod(), exchange.getRequestURI().getPath());
        } catch (RuntimeException e) {
            System.err.println("mail catcher: " + exchange.getRequestURI() + " failed: " + e);
            send(exchange, 500, "text/plain; charset=utf-8", "internal error\n", null);
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        Matcher message = MESSAGE.matcher(path);
        Matcher apiMessage = API_MESSAGE.matcher(path);
        if (path.equals("/health")) {
            if (allow(exchange, method, "GET")) {
                send(exchange, 200, "text/plain; charset=utf-8", "ok\n", null);
            }
        } else if (path.equals("/") || path.equals("/index.html")) {
            if (allow(exchange, method, "GET")) {
                send(exchange, 200, "text/html; charset=utf-8", InboxPages.list(store.messages(), smtpAddress), PAGE_POLICY);
            }
        } else if (path.equals("/clear")) {
            if (allow(exchange, method, "POST")) {
                store.clear();
                exchange.getResponseHeaders().set("Location", "/");
                send(exchange, 303, "text/plain; charset=utf-8", "", null);
            }
        } else if (path.equals("/api/messages")) {
            if (method.equals("DELETE")) {
                store.clear();
                exchange.sendResponseHeaders(204, -1);
            } else if (allow(exchange, method, "GET, DELETE")) {
                send(exchange, 200, "application/json", Json.messages(store.messages()), null);
            }
        } else if (path.equals("/api/recipients")) {
            if (allow(exchange, method, "GET")) {
                send(exchange, 200, "application/json", Json.receivedBy(store.receivedBy()), null);
            }
        } else if (apiMessage.matches()) {
            if (allow(exchange, method, "GET")) {
                Optional<MessageStore.Stored> found = store.find(apiMessage.group(1));
                if (found.isPresent()) {
                    send(exchange, 200, "application/json", Json.message(found.get().message()), null);
                } else {
                    send(exchange, 404, "application/json", "{\"error\":\"no such message\"}", null);
                }
            }
        } else if (message.matches()) {
            if (allow(exchange, method, "GET")) {
                showMessage(exchange, message.group(1), message.group(2));
            }
        } else {
            send(exchange, 404, "text/html; charset=utf-8", InboxPages.notFound("Nothing here."), PAGE_POLICY);
        }
    }

    private void showMessage(HttpExchange exchange, String id, String view) throws IOException {
        Optional<MessageStore.Stored> found = store.find(id);
        if (found.isEmpty()) {
            send(exchange, 404, "text/html; charset=utf-8",
                    InboxPages.notFound("There is no message " + id + " (any more)."), PAGE_POLICY);
            return;
        }
        CaughtMessage caught = found.get().message();
        if (view == null) {
            send(exchange, 200, "text/html; charset=utf-8", InboxPages.message(caught), PAGE_POLICY);
        } else if (view.equals("/raw")) {
            // text/plain + nosniff: the raw MIME is shown, never interpreted
            send(exchange, 200, "text/plain; charset=utf-8", found.get().raw(), null);
        } else if (caught.html() == null) {
            send(exchange, 404, "text/plain; charset=utf-8", "this message has no HTML part\n", null);
        } else {
            send(exchange, 200, "text/html; charset=utf-8", InboxPages.messageHtml(caught), MAIL_POLICY);
        }
    }

    private static boolean allow(HttpExchange exchange, String method, String allowed) throws IOException {
        if (allowed.contains(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n", null);
        return false;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, String policy)
            throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8), policy);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, String policy)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        if (policy != null) {
            headers.set("Content-Security-Policy", policy);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
