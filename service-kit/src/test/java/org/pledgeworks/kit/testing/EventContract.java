package org.pledgeworks.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Draft 2020-12, as the schemas declare, with "format" asserted: a date-time must be one. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    /** An RFC 3339 date-time with a zone, as the schemas' {@code "format": "date-time"} fields hold them. */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    private EventContract() {
    }

    /** @param type e.g. {@code campaigns/campaign-published.v1} */
    public static void assertValid(String type, String json) {
        try (InputStream schemaStream = resource(type + ".schema.json")) {
            Schema schema = SCHEMAS.getSchema(schemaStream);
            List<Error> errors = schema.validate(JSON.readTree(json));
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
        JsonNode example = JSON.readTree(example(type));
        JsonNode stamp = example.get("occurredAt");
        if (stamp == null || !stamp.isString()) {
            throw new IllegalArgumentException(type + ".example.json has no occurredAt to rebase from");
        }
        Duration shift = Duration.between(Instant.parse(stamp.asString()), occurredAt);
        return JSON.writeValueAsString(shifted(example, shift));
    }

    private static JsonNode shifted(JsonNode node, Duration shift) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                object.set(name, shifted(object.get(name), shift));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, shifted(array.get(i), shift));
            }
            return array;
        }
        if (node.isString() && INSTANT.matcher(node.asString()).matches()) {
            try {
                return StringNode.valueOf(Instant.parse(node.asString()).plus(shift).toString());
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
