package org.pledgeworks.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SIGNED = "pledges/pledge-signed.v1";

    @Test
    void aRebasedExampleHappensAtTheGivenInstantAndKeepsItsDeadlineAsFarAhead() {
        JsonNode original = JSON.readTree(EventContract.example(SIGNED));
        Instant later = Instant.parse("2031-07-01T12:00:00Z");

        JsonNode rebased = JSON.readTree(EventContract.exampleAt(SIGNED, later));

        assertThat(Instant.parse(rebased.get("occurredAt").asString())).isEqualTo(later);
        Duration exampleGap = Duration.between(Instant.parse(original.get("occurredAt").asString()),
                Instant.parse(original.get("verificationExpiresAt").asString()));
        Duration rebasedGap = Duration.between(later, Instant.parse(rebased.get("verificationExpiresAt").asString()));
        assertThat(rebasedGap).isEqualTo(exampleGap).isPositive();
        // what is not an instant stays as it was
        assertThat(rebased.get("email")).isEqualTo(original.get("email"));
        assertThat(rebased.get("verificationUrl")).isEqualTo(original.get("verificationUrl"));
        EventContract.assertValid(SIGNED, JSON.writeValueAsString(rebased));
    }

    @Test
    void aRebasedExampleIsAsFarFromTheTestClockAsNowIs() {
        Instant before = TestClock.now();
        Instant occurredAt = Instant.parse(JSON.readTree(EventContract.exampleNow(SIGNED)).get("occurredAt").asString());
        assertThat(occurredAt).isBetween(before, TestClock.now());
    }

    @Test
    void everyInstantInTheExampleMovesByTheSameAmount() {
        String type = "pledges/pledge-released.v1";
        JsonNode original = JSON.readTree(EventContract.example(type));
        Instant occurredAt = Instant.parse(original.get("occurredAt").asString()).plus(Duration.ofDays(1000));

        JsonNode rebased = JSON.readTree(EventContract.exampleAt(type, occurredAt));

        assertThat(Instant.parse(rebased.get("verifiedAt").asString()))
                .isEqualTo(Instant.parse(original.get("verifiedAt").asString()).plus(Duration.ofDays(1000)));
    }

    @Test
    void anEventThatBreaksItsSchemaIsRefused() {
        tools.jackson.databind.node.ObjectNode event = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                EventContract.exampleNow(SIGNED));
        String withoutEmail = JSON.writeValueAsString(event.deepCopy().without("email"));
        String notADate = JSON.writeValueAsString(event.deepCopy().put("occurredAt", "yesterday"));

        assertThatThrownBy(() -> EventContract.assertValid(SIGNED, withoutEmail)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("email");
        assertThatThrownBy(() -> EventContract.assertValid(SIGNED, notADate)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("occurredAt");
    }

    @Test
    void anUnknownContractIsNamedInTheError() {
        assertThatThrownBy(() -> EventContract.example("pledges/no-such-event.v9"))
                .hasMessageContaining("contracts/pledges/no-such-event.v9.example.json");
    }
}
