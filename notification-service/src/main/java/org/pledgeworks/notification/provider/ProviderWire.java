package org.pledgeworks.notification.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pledgeworks.notification.mail.OutgoingMail;
import org.pledgeworks.notification.mail.SendOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The batch API's JSON: the request body of a batch, its request key, and the reply read into one
 * outcome per mail. No I/O: {@link HttpProviderTransport} makes the call.
 */
final class ProviderWire {

    /** Result codes that say the address itself will never take mail. */
    static final Set<String> PERMANENT_CODES = Set.of("inactive_recipient", "invalid_address", "hard_bounce",
            "suppressed", "spam_complaint");

    private final JsonMapper json;
    private final String from;

    ProviderWire(JsonMapper json, String from) {
        this.json = json;
        this.from = from;
    }

    /**
     * UTF-8 bytes straight from the generator, what the request sends: built as a String first (~1 MB for
     * 500 mails), the body was copied from Jackson's buffers into a StringBuilder and then encoded again.
     */
    byte[] requestBody(List<OutgoingMail> batch) {
        ObjectNode root = json.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        for (OutgoingMail mail : batch) {
            ObjectNode message = messages.addObject();
            message.put("idempotencyKey", mail.idempotencyKey());
            message.put("from", from);
            message.put("to", mail.mail().to());
            message.put("subject", mail.mail().subject());
            message.put("text", mail.mail().text());
            message.put("html", mail.mail().html());
            ObjectNode headers = message.putObject("headers");
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Message-ID", mail.messageId());
            all.putAll(mail.mail().headers());
            all.forEach(headers::put);
        }
        return json.writeValueAsBytes(root);
    }

    /** The same batch (same keys) retried carries the same request key too. */
    static String batchKey(List<OutgoingMail> batch) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (OutgoingMail mail : batch) {
                digest.update(mail.idempotencyKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The results by idempotency key; {@link ProviderUnavailableException} when the reply has none. */
    Map<String, JsonNode> results(String body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode results = root == null ? null : root.get("results");
            if (results == null || !results.isArray()) {
                throw new ProviderUnavailableException("provider reply without results");
            }
            Map<String, JsonNode> byKey = new HashMap<>();
            for (JsonNode result : results) {
                JsonNode key = result.get("idempotencyKey");
                if (key != null && key.isString()) {
                    byKey.put(key.asString(), result);
                }
            }
            return byKey;
        }
        catch (JacksonException e) {
            throw new ProviderUnavailableException("provider reply is not readable JSON");
        }
    }

    static List<SendOutcome> outcomes(List<OutgoingMail> batch, Map<String, JsonNode> results) {
        List<SendOutcome> outcomes = new ArrayList<>(batch.size());
        for (OutgoingMail mail : batch) {
            JsonNode result = results.get(mail.idempotencyKey());
            if (result == null) {
                outcomes.add(SendOutcome.failedTransiently("no result for this mail"));
                continue;
            }
            String status = text(result, "status");
            String code = text(result, "errorCode");
            if ("accepted".equals(status)) {
                outcomes.add(SendOutcome.sent());
            }
            else if ("rejected".equals(status) && PERMANENT_CODES.contains(code)) {
                outcomes.add(SendOutcome.rejected("provider rejected the recipient: " + code, true));
            }
            else if ("rejected".equals(status) && "invalid_message".equals(code)) {
                outcomes.add(SendOutcome.rejected("provider rejected the message", false));
            }
            else {
                outcomes.add(SendOutcome.failedTransiently("provider deferred: " + (code == null ? status : code)));
            }
        }
        return outcomes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
