package org.pledgeworks.notification.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WireMock as the email provider's batch API, on 127.0.0.1 and a random port, and the reading of its
 * request journal: which recipient was sent what, and which sends the provider accepted.
 */
public final class FakeProvider {

    public static final String BATCH_PATH = "/v1/messages/batch";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;
    private final AcceptAll acceptAll;

    private FakeProvider(WireMockServer server, AcceptAll acceptAll) {
        this.server = server;
        this.acceptAll = acceptAll;
    }

    public static FakeProvider start() {
        return start(null);
    }

    /** @param journalLimit how many requests the journal keeps (bodies of 500 mails add up); null for all */
    public static FakeProvider start(Integer journalLimit) {
        AcceptAll acceptAll = new AcceptAll();
        var options = options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20).extensions(acceptAll);
        if (journalLimit != null) {
            options.maxRequestJournalEntries(journalLimit);
        }
        WireMockServer server = new WireMockServer(options);
        server.start();
        return new FakeProvider(server, acceptAll);
    }

    /** How many sends to this address the accept-all stub accepted (kept outside the journal). */
    public int acceptedFor(String to) {
        return acceptAll.acceptedFor(to);
    }

    public Map<String, java.util.concurrent.atomic.AtomicInteger> acceptedByAddress() {
        return acceptAll.accepted();
    }

    /** Forgets the counts of the addresses and the idempotency keys a finished run left (heap measurements). */
    public void forget(java.util.function.Predicate<String> address, java.util.function.Predicate<String> key) {
        acceptAll.forget(address, key);
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Accepts every mail of every batch: one "accepted" result per idempotency key. */
    public void acceptEverything() {
        server.stubFor(WireMock.post(BATCH_PATH).atPriority(10)
                .willReturn(WireMock.okJson("{}").withTransformers(AcceptAll.NAME)));
    }

    public void stop() {
        server.stop();
    }

    public void reset() {
        server.resetAll();
    }

    /** Every message of every batch request in the journal, oldest first: (idempotencyKey, to). */
    public List<Sent> requests() {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        List<Sent> sent = new ArrayList<>();
        for (ServeEvent event : events) {
            if (!event.getRequest().getUrl().equals(BATCH_PATH)) {
                continue;
            }
            Map<String, String> accepted = acceptedKeys(event);
            JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
            for (JsonNode message : body.get("messages")) {
                String key = message.get("idempotencyKey").asString();
                sent.add(new Sent(key, message.get("to").asString(), accepted.containsKey(key), message));
            }
        }
        return sent;
    }

    /** Per recipient: how many sends the provider accepted and we were told so. */
    public Map<String, Integer> acceptedPerRecipient() {
        Map<String, Integer> counts = new HashMap<>();
        for (Sent s : requests()) {
            counts.merge(s.to(), s.accepted() ? 1 : 0, Integer::sum);
        }
        return counts;
    }

    /**
     * The keys this reply accepted for sending: "accepted" and not a duplicate of a key accepted before
     * (the provider sends those once only). A reply that is not JSON accepted nothing here.
     */
    private static Map<String, String> acceptedKeys(ServeEvent event) {
        Map<String, String> keys = new HashMap<>();
        if (event.getResponse().getStatus() != 200) {
            return keys;
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(event.getResponse().getBodyAsString());
        }
        catch (RuntimeException notJson) {
            return keys;
        }
        JsonNode results = reply == null ? null : reply.get("results");
        if (results == null) {
            return keys;
        }
        for (JsonNode result : results) {
            if ("accepted".equals(result.path("status").asString()) && !result.path("duplicate").asBoolean(false)) {
                keys.put(result.get("idempotencyKey").asString(), "accepted");
            }
        }
        return keys;
    }

    public record Sent(String idempotencyKey, String to, boolean accepted, JsonNode message) {
    }
}
