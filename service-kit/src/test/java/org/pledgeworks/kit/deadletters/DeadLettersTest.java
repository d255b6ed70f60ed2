package org.pledgeworks.kit.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void aPlaceIsPartitionColonOffset() {
        assertThat(DeadLetters.Place.parse(" 2 : 17 ")).isEqualTo(new DeadLetters.Place(2, 17));
        assertThat(new DeadLetters.Place(2, 17)).hasToString("2:17");
        assertThatThrownBy(() -> DeadLetters.Place.parse("17")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partition:offset");
        assertThatThrownBy(() -> DeadLetters.Place.parse("a:b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAreReadAsSpringWritesThemOrAsText() {
        assertThat(DeadLetterRecords.number(ByteBuffer.allocate(4).putInt(5).array())).isEqualTo(5L);
        assertThat(DeadLetterRecords.number(ByteBuffer.allocate(8).putLong(1L << 40).array())).isEqualTo(1L << 40);
        assertThat(DeadLetterRecords.number("123".getBytes(StandardCharsets.UTF_8))).isEqualTo(123L);
        assertThat(DeadLetterRecords.number("x".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void aDeadLetterTopicCameFromTheTopicBeforeItsSuffix() {
        assertThat(DeadLetters.sourceOf("campaigns.dlt")).isEqualTo("campaigns");
    }

    @Test
    void theCommandRefusesAWrongCommandLineBeforeItCallsTheBroker() {
        // no broker at this address: a call to it would fail with 1, not 2
        DeadLetters nowhere = new DeadLetters(Map.of("bootstrap.servers", "127.0.0.1:1"), Clock.systemUTC());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(DeadLetterCommand.run(new String[] { "list" }, nowhere, out, errors)).isEqualTo(2);
        assertThat(DeadLetterCommand.run(new String[] { "show", "campaigns" }, nowhere, out, errors)).isEqualTo(2);
        assertThat(DeadLetterCommand.run(new String[] { "replay", "campaigns" }, nowhere, out, errors)).isEqualTo(2);
        assertThat(DeadLetterCommand.run(new String[] { "replay", "campaigns", "7" }, nowhere, out, errors))
                .isEqualTo(2);
        assertThat(DeadLetterCommand.run(new String[] { "purge", "campaigns" }, nowhere, out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: ./pledgeworks dlt", "'7' is not partition:offset");
    }
}
