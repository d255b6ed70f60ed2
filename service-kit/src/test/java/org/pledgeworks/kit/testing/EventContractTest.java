package org.pledgeworks.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNED = "pledges/pledge-signed.v1";

    @Test
    void aRebasedExampleHappensAtTheGivenInstantAndKeepsItsDeadlineAsFarAhead() throws Exception {
        JsonNode original = JSON.readTree(EventContract.example(SIGNED));
        Instant later = Instant.parse("2031-07-01T12:00:00Z");

        JsonNode rebased = JSON.readTree(EventContract.exampleAt(SIGNED, later));

        assertThat(Instant.parse(rebased.get("occurredAt").asText())).isEqualTo(later);
        Duration exampleGap = Duration.between(Instant.parse(original.get("occurredAt").asText()),
                Instant.parse(original.get("verificationExpiresAt").asText()));
        Duration rebasedGap = Duration.between(later, Instant.parse(rebased.get("verificationExpiresAt").asText()));
        assertThat(rebasedGap).isEqualTo(exampleGap).isPositive();
        // what is not an instant stays as it was
        assertThat(rebased.get("email")).isEqualTo(original.get("email"));
        assertThat(rebased.get("verificationUrl")).isEqualTo(original.get("verificationUrl"));
        EventContract.assertValid(SIGNED, JSON.writeValueAsString(rebased));
    }

    @Test
    void aRebasedExampleIsAsFarFromTheTestClockAsNowIs() throws Exception {
        Instant before = TestClock.now();
        Instant occurredAt = Instant.parse(JSON.readTree(EventContract.exampleNow(SIGNED)).get("occurredAt").asText());
        assertThat(occurredAt).isBetween(before, TestClock.now());
    }

    @Test
    void everyInstantInTheExampleMovesByTheSameAmount() throws Exception {
        String type = "pledges/pledge-released.v1";
        JsonNode original = JSON.readTree(EventContract.example(type));
        Instant occurredAt = Instant.parse(original.get("occurredAt").asText()).plus(Duration.ofDays(1000));

        JsonNode rebased = JSON.readTree(EventContract.exampleAt(type, occurredAt));

        assertThat(Instant.parse(rebased.get("verifiedAt").asText()))
                .isEqualTo(Instant.parse(original.get("verifiedAt").asText()).plus(Duration.ofDays(1000)));
    }

    @Test
    void anUnknownContractIsNamedInTheError() {
        assertThatThrownBy(() -> EventContract.example("pledges/no-such-event.v9"))
                .hasMessageContaining("contracts/pledges/no-such-event.v9.example.json");
    }
}
