package org.pledgeworks.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas and examples in {@code contracts/}, the single source of the events' shape: a
 * producer checks what it sends against the schema, a consumer feeds the example to its listener.
 *
 * <p>The examples are documents people read, so they hold real dates. A test that feeds one to a
 * listener takes it {@linkplain #exampleNow rebased to the test clock}: every instant in it moves by
 * the same amount, so that {@code occurredAt} is now and a deadline such as
 * {@code verificationExpiresAt} stays as far ahead of it as the example shows.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    /** An RFC 3339 date-time with a zone, as the schemas' {@code "format": "date-time"} fields hold them. */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    private EventContract() {
    }

    /** @param type e.g. {@code campaigns/campaign-published.v1} */
    public static void assertValid(String type, String json) {
        try (InputStream schemaStream = resource(type + ".schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schemaStream, CONFIG);
            Set<ValidationMessage> errors = schema.validate(JSON.readTree(json));
            assertThat(errors).as("%s against its schema: %s", type, json).isEmpty();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The example exactly as it ships, dates and all: for tests of how a document is read. A test
     * that hands it to a listener wants {@link #exampleNow} instead.
     */
    public static String example(String type) {
        try (InputStream in = resource(type + ".example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example as if it had just happened: see {@link #exampleAt}. */
    public static String exampleNow(String type) {
        return exampleAt(type, TestClock.now());
    }

    /**
     * The example with every instant in it moved by one amount, so that its {@code occurredAt} is
     * {@code occurredAt}; the gaps between its instants (a link's expiry a week after the signing)
     * stay as the example shows them.
     */
    public static String exampleAt(String type, Instant occurredAt) {
        try {
            JsonNode example = JSON.readTree(example(type));
            JsonNode stamp = example.get("occurredAt");
            if (stamp == null || !stamp.isTextual()) {
                throw new IllegalArgumentException(type + ".example.json has no occurredAt to rebase from");
            }
            Duration shift = Duration.between(Instant.parse(stamp.asText()), occurredAt);
            return JSON.writeValueAsString(shifted(example, shift));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode shifted(JsonNode node, Duration shift) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(shifted(field.getValue(), shift));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, shifted(array.get(i), shift));
            }
            return array;
        }
        if (node.isTextual() && INSTANT.matcher(node.asText()).matches()) {
            try {
                return TextNode.valueOf(Instant.parse(node.asText()).plus(shift).toString());
            }
            catch (DateTimeParseException notAnInstant) {
                return node;
            }
        }
        return node;
    }

    private static InputStream resource(String name) {
        InputStream in = EventContract.class.getClassLoader().getResourceAsStream("contracts/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no contract file contracts/" + name);
        }
        return in;
    }
}
