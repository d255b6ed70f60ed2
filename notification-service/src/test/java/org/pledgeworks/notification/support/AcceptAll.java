package org.pledgeworks.notification.support;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The provider's happy answer: "accepted" for every message of the batch, by its idempotency key. Like
 * the large providers it honours the keys: a key it has accepted before is answered "accepted" again
 * (with {@code "duplicate": true}) but not sent again, so a retry after a lost reply mails nobody twice.
 */
public final class AcceptAll implements ResponseTransformerV2 {

    public static final String NAME = "accept-all";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Accepted sends per recipient address, counted here too: the journal of a 100,000-mail run is kept short. */
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> accepted =
            new java.util.concurrent.ConcurrentHashMap<>();

    // WireMock may run a transformer more than once for one request: count each request once
    private final java.util.Set<java.util.UUID> counted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> keysSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public int acceptedFor(String to) {
        var count = accepted.get(to);
        return count == null ? 0 : count.get();
    }

    public java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> accepted() {
        return accepted;
    }

    /** Drops what a finished run left here (tests measuring heap): these addresses' counts, these keys. */
    public void forget(java.util.function.Predicate<String> address, java.util.function.Predicate<String> key) {
        accepted.keySet().removeIf(address);
        keysSeen.removeIf(key);
        counted.clear();
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
        boolean first = counted.add(serveEvent.getId());
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode results = reply.putArray("results");
        for (JsonNode message : request.get("messages")) {
            String key = message.get("idempotencyKey").asString();
            boolean duplicate;
            synchronized (keysSeen) {
                duplicate = first ? !keysSeen.add(key) : false;
            }
            if (first && !duplicate) {
                accepted.computeIfAbsent(message.get("to").asString(), k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
            }
            ObjectNode result = results.addObject().put("idempotencyKey", key).put("status", "accepted")
                    .put("id", "prov-" + key);
            if (duplicate) {
                result.put("duplicate", true);
            }
        }
        return Response.Builder.like(response).but().body(JSON.writeValueAsString(reply)).build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
