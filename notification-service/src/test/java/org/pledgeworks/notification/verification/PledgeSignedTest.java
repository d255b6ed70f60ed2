package org.pledgeworks.notification.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.events.EventDispatcher;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.kit.kafka.CloudEventHeaders;
import org.pledgeworks.kit.testing.EventContract;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consumer's side of the contract: the schema's own example reads into this service's slim record,
 * through the kit's dispatcher as the listener hands it over; what breaks the record does not read.
 */
class PledgeSignedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<PledgeSigned> handled = new ArrayList<>();
    private final EventDispatcher dispatcher = new EventDispatcher(
            List.of(EventHandler.of(PledgeSigned.TYPE, PledgeSigned.class, (event, id) -> handled.add(event))),
            JSON);

    @Test
    void theContractExampleReadsIntoTheSlimRecord() {
        PledgeSigned signed = read(EventContract.example("pledges/pledge-signed.v1"));

        assertThat(signed.eventId()).isEqualTo(UUID.fromString("0b9d7f0e-3b0c-4c5e-9d7a-2a4d1b6c8e11"));
        assertThat(signed.email()).isEqualTo("Ada.Example+pledges@example.org");
        assertThat(signed.name()).isEqualTo("Ada Example");
        assertThat(signed.campaignTitle()).isEqualTo("Buy only goods made without forced labour");
        assertThat(signed.signatureId()).isEqualTo("5b3e9c1a-7d2f-4e8b-a1c3-9f0e2d4b6a78");
        assertThat(signed.locale()).isEqualTo("en");
        assertThat(signed.verificationUrl()).startsWith("http://127.0.0.1:8080/verify/");
        assertThat(signed.verificationExpiresAt()).isEqualTo(Instant.parse("2026-12-05T09:15:02Z"));
    }

    @Test
    void fieldsAddedToTheContractLaterAreIgnored() {
        ObjectNode example = example();
        example.put("postalCode", "SW1A 1AA");
        example.putObject("source").put("channel", "web");

        assertThat(read(example.toString()).email()).isEqualTo("Ada.Example+pledges@example.org");
    }

    @Test
    void aMissingOrBlankFieldThatTheMailNeedsIsMalformed() {
        for (String field : new String[] { "eventId", "email", "name", "campaignTitle", "verificationUrl",
                "verificationExpiresAt", "locale", "signatureId" }) {
            ObjectNode missing = example();
            missing.remove(field);
            assertThatThrownBy(() -> read(missing.toString())).isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining("'" + field + "'");
        }
        ObjectNode blank = example();
        blank.put("email", "  ");
        assertThatThrownBy(() -> read(blank.toString())).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'email'");
    }

    @Test
    void somethingThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> read("this is not JSON {")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> read("null")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aFieldOfTheWrongShapeIsMalformedAndItsValueIsNotRepeated() {
        ObjectNode wrong = example();
        wrong.put("verificationExpiresAt", "secret-ish value");

        assertThatThrownBy(() -> read(wrong.toString())).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("verificationExpiresAt")
                .hasMessageNotContaining("secret-ish value");
    }

    @Test
    void onlyAnAbsoluteHttpLinkMayGoIntoTheMail() {
        for (String url : new String[] { "javascript:alert(1)", "/verify/relative", "data:text/html,x", "not a uri" }) {
            ObjectNode bad = example();
            bad.put("verificationUrl", url);
            assertThatThrownBy(() -> read(bad.toString())).as(url).isInstanceOf(MalformedEventException.class);
        }
    }

    private PledgeSigned read(String json) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("pledges", 0, 0, "signature", json);
        record.headers().add(CloudEventHeaders.TYPE, PledgeSigned.TYPE.getBytes(StandardCharsets.UTF_8));
        dispatcher.dispatch(record);
        assertThat(handled).hasSize(1);
        return handled.remove(0);
    }

    private static ObjectNode example() {
        return (ObjectNode) JSON.readTree(EventContract.example("pledges/pledge-signed.v1"));
    }
}
