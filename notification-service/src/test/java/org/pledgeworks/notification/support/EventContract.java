package org.pledgeworks.notification.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks events against the JSON Schemas in {@code contracts/}, the single source of their shape. */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

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

    /** The example that ships with the schema, as a consumer would receive it. */
    public static String example(String type) {
        try (InputStream in = resource(type + ".example.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EventContract.class.getClassLoader().getResourceAsStream("contracts/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no contract file contracts/" + name);
        }
        return in;
    }
}
