package org.pledgeworks.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The email provider, faked for the fan-out figure: speaks exactly the batch API that
 * notification-service's {@code HttpProviderTransport} sends,
 * <pre>
 * POST {base}/v1/messages/batch   Authorization: Bearer {key}
 * {"messages": [{"idempotencyKey", "from", "to", "subject", "text", "html", "headers"}, ...]}  (at most 500)
 * 200 {"results": [{"idempotencyKey", "status": "accepted"}, ...]}
 * </pre>
 * and keeps no message: it counts accepted recipients per bulk message (the idempotency key is the
 * delivery id, {@code <eventId>:<kind>:<recipientId>}, so the part before the first ':' names the
 * update), the first and last acceptance, and whether any (key, recipient) came twice, in a compact
 * set of 64-bit hashes (8 bytes a recipient; 1,000,000 recipients are ~16 MiB). Binds 127.0.0.1.
 */
final class ProviderFake implements AutoCloseable {

    static final int MAX_BATCH = 500;
    private static final JsonFactory JSON = new JsonFactory();

    /** Per bulk message: accepted recipients and when the first and the last were accepted. */
    static final class Tally {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        volatile long firstNanos;
        volatile long lastNanos;

        synchronized void accept(int count, long now) {
            if (accepted.get() == 0) {
                firstNanos = now;
            }
            lastNanos = now;
            accepted.addAndGet(count);
        }

        /** Emails/s from the first acceptance to the last (the first batch's own mails are not counted in the rate). */
        double rate() {
            long n = accepted.get();
            double seconds = (lastNanos - firstNanos) / 1e9;
            return n < 2 || seconds <= 0 ? 0 : n / seconds;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiKey;
    private final LongSet seen = new LongSet(1 << 21);
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    ProviderFake(int port, String apiKey, int threads) throws IOException {
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "provider-fake");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    Tally tally(String message) {
        return tallies.computeIfAbsent(message, k -> new Tally());
    }

    long calls() {
        return calls.get();
    }

    /** Calls answered 4xx (wrong path, key or shape, more than 500 messages). */
    long refused() {
        return refused.get();
    }

    /** (idempotency key, recipient) pairs that were accepted once already, over all messages. */
    long duplicates() {
        return duplicates.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/v1/messages/batch")) {
                refuse(exchange, 404, "not_found");
                return;
            }
            if (apiKey != null && !("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refuse(exchange, 401, "unauthorized");
                return;
            }
            List<String[]> messages;
            try (InputStream body = exchange.getRequestBody()) {
                messages = read(body);
            } catch (IOException | RuntimeException e) {
                refuse(exchange, 400, "invalid_request");
                return;
            }
            if (messages.isEmpty() || messages.size() > MAX_BATCH) {
                refuse(exchange, 400, "batch_size");
                return;
            }
            long now = System.nanoTime();
            Map<String, Integer> fresh = new java.util.HashMap<>();
            for (String[] m : messages) {
                String key = m[0];
                int colon = key.indexOf(':');
                String message = colon < 0 ? key : key.substring(0, colon);
                if (seen.add(hash(key, m[1]))) {
                    fresh.merge(message, 1, Integer::sum);
                } else {
                    duplicates.incrementAndGet();
                    tally(message).duplicates.incrementAndGet();
                }
            }
            fresh.forEach((message, count) -> tally(message).accept(count, now));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            byte[] reply = results(messages);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    /** [idempotencyKey, to] of each message; everything else in the body is skipped unread. */
    private static List<String[]> read(InputStream body) throws IOException {
        List<String[]> messages = new ArrayList<>(MAX_BATCH);
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if (!"messages".equals(field) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String key = null;
                    String to = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.getCurrentName();
                        p.nextToken();
                        if ("idempotencyKey".equals(name)) {
                            key = p.getValueAsString();
                        } else if ("to".equals(name)) {
                            to = p.getValueAsString();
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (key == null || to == null) {
                        throw new IOException("a message without idempotencyKey or to");
                    }
                    messages.add(new String[] { key, to });
                }
            }
        }
        return messages;
    }

    private static byte[] results(List<String[]> messages) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * messages.size() + 16);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            SerializedString accepted = new SerializedString("accepted");
            for (String[] m : messages) {
                g.writeStartObject();
                g.writeStringField("idempotencyKey", m[0]);
                g.writeFieldName("status");
                g.writeString(accepted);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private void refuse(HttpExchange exchange, int status, String code) throws IOException {
        refused.incrementAndGet();
        byte[] body = ("{\"error\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** 64-bit FNV-1a over key, a separator and the address, then a murmur finaliser: collisions at 10^6 are ~10^-7. */
    static long hash(String key, String to) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0) * 0x100000001b3L;
        for (int i = 0; i < to.length(); i++) {
            h = (h ^ to.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h; // 0 marks an empty slot
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Open addressing, linear probing, grows at 60 % full. */
    static final class LongSet {
        private long[] slots;
        private int size;

        LongSet(int capacity) {
            slots = new long[Integer.highestOneBit(Math.max(16, capacity - 1)) << 1];
        }

        synchronized boolean add(long value) {
            if (size + 1 > slots.length * 0.6) {
                long[] old = slots;
                slots = new long[old.length << 1];
                size = 0;
                for (long v : old) {
                    if (v != 0) {
                        insert(v);
                    }
                }
            }
            return insert(value);
        }

        private boolean insert(long value) {
            int mask = slots.length - 1;
            int i = (int) (value ^ (value >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == value) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = value;
            size++;
            return true;
        }

        synchronized int size() {
            return size;
        }
    }
}
