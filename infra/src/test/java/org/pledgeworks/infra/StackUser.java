package org.pledgeworks.infra;

import static org.pledgeworks.infra.Eventually.eventually;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.pledgeworks.kit.testing.KafkaProbe;

/**
 * A running stack as the fault tests meet it from outside: a signer and a staff member through the
 * gateway, the dev inbox's API, and the Kafka topics read to their current end. Every wait is bounded.
 */
final class StackUser {

    static final String CONFIRM = "Confirm your signature";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Endpoints endpoints;
    /** The first admin's own password once the printed one has been changed. */
    private String chosenPassword;
    private String adminEmail;

    StackUser(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    // --- a signer ---

    HttpResponse<String> sign(String slug, String email) {
        return send(HttpRequest.newBuilder(endpoints.web().resolve("/api/campaigns/" + slug + "/pledges"))
                .header("Content-Type", "application/json")
                .POST(body(Map.of("name", "Fault Tester", "email", email, "country", "NL"))));
    }

    /** What the verification page's script does: a POST to the link itself. */
    HttpResponse<String> confirm(String link) {
        return send(HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    String verificationLink(String email, Duration patience) {
        return eventually("a verification link to " + email, patience, () -> {
            for (JsonNode message : json(get(endpoints.inboxApi().orElseThrow()))) {
                boolean toThem = false;
                for (JsonNode to : message.get("to")) {
                    toThem |= to.asText().equalsIgnoreCase(email);
                }
                if (toThem && message.get("subject").asText().startsWith(CONFIRM)) {
                    for (JsonNode link : message.get("links")) {
                        if (link.asText().contains("/verify/")) {
                            return link.asText();
                        }
                    }
                }
            }
            return null;
        }, link -> link != null);
    }

    JsonNode campaign(String slug) {
        return json(get(endpoints.web().resolve("/api/campaigns/" + slug)));
    }

    long count(String slug) {
        return json(get(endpoints.web().resolve("/api/campaigns/" + slug + "/count"))).get("total").asLong();
    }

    /** Each recipient's received Message-IDs, as often as received (the mail catcher's count, not its 2,000 kept mails). */
    Map<String, List<String>> receivedBy() {
        Map<String, List<String>> received = new HashMap<>();
        json(get(endpoints.inbox().orElseThrow().resolve("/api/recipients"))).properties().forEach(recipient -> {
            List<String> ids = new ArrayList<>();
            recipient.getValue().forEach(id -> ids.add(id.asText()));
            received.put(recipient.getKey(), ids);
        });
        return received;
    }

    // --- a staff member: the first admin, as the gateway wrote it under the data dir ---

    String staffToken() {
        Path file = endpoints.dataDir().resolve("secrets").resolve("first-admin.txt");
        // The gateway deletes first-admin.txt once, and only once, the printed password has been changed:
        // so the file, not whether our last call answered, says which password is the admin's now.
        if (chosenPassword != null && !Files.exists(file)) {
            return json(authPost("/api/auth/token", Map.of("email", adminEmail, "password", chosenPassword)))
                    .get("access_token").asText();
        }
        Map<String, String> admin = eventually("the first admin in " + file, Duration.ofSeconds(60), () -> {
            Map<String, String> values = new HashMap<>();
            try {
                for (String line : Files.readAllLines(file)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        values.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
            }
            catch (java.io.IOException e) {
                return null;
            }
            return values;
        }, values -> values != null && values.containsKey("password"));
        String printed = admin.get("password");
        HttpResponse<String> token = authPost("/api/auth/token", Map.of("email", admin.get("email"), "password", printed));
        if (token.statusCode() == 403) {
            // the printed password signs in once: the first admin must choose their own (gateway's SignInController).
            // Kept before the change is asked for: should its answer be lost, the change may still have been made.
            chosenPassword = "faults " + UUID.randomUUID();
            adminEmail = admin.get("email");
            token = authPost("/api/auth/password",
                    Map.of("email", adminEmail, "password", printed, "newPassword", chosenPassword));
        }
        return json(token).get("access_token").asText();
    }

    private HttpResponse<String> authPost(String path, Map<String, String> body) {
        return send(HttpRequest.newBuilder(endpoints.web().resolve(path)).header("Content-Type", "application/json")
                .POST(body(body)));
    }

    /** A staff API call through the gateway; the answer's JSON, which must be a 2xx. */
    JsonNode staffPost(String token, String path, Object body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoints.web().resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body(body)));
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? json.createObjectNode() : json(response.body());
    }

    // --- an operator reading topics ---

    /** Every record of {@code topic} up to its end as it is now, from the beginning. */
    List<ConsumerRecord<String, String>> records(String topic) {
        return KafkaProbe.recordsToEnd(endpoints.kafkaBootstrapServers(), topic, Duration.ofSeconds(60));
    }

    /** How many records each dead-letter topic holds. */
    Map<String, Long> deadLetterCounts() {
        try (KafkaConsumer<String, String> consumer = KafkaProbe.consumer(endpoints.kafkaBootstrapServers())) {
            Map<String, Long> counts = new HashMap<>();
            consumer.listTopics().forEach((topic, partitions) -> {
                if (topic.endsWith(".dlt")) {
                    counts.put(topic, consumer.endOffsets(partitions.stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList())
                            .values().stream().mapToLong(Long::longValue).sum());
                }
            });
            return counts;
        }
    }

    // --- plumbing ---

    JsonNode json(String text) {
        try {
            return json.readTree(text);
        }
        catch (Exception e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    private JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode());
        }
        return json(response.body());
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET());
    }

    private HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
