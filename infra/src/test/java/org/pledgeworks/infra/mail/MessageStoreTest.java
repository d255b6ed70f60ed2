package org.pledgeworks.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageStoreTest {

    private final MessageStore store = new MessageStore(1);

    @Test
    void everyRecipientsMessageIdsAreKeptBeyondTheCapacityAndARepeatShowsTwice() {
        store.add(mail("Ada@Example.org", "<update-1@pledgeworks.local>"), new byte[0]);
        store.add(mail("grace@example.org", "<update-1-grace@pledgeworks.local>"), new byte[0]);
        store.add(mail("ada@example.org", "<update-1@pledgeworks.local>"), new byte[0]);

        assertThat(store.messages()).hasSize(1);
        assertThat(store.receivedBy()).containsExactly(
                Map.entry("ada@example.org", List.of("<update-1@pledgeworks.local>", "<update-1@pledgeworks.local>")),
                Map.entry("grace@example.org", List.of("<update-1-grace@pledgeworks.local>")));
    }

    @Test
    void emptyingTheInboxForgetsWhoReceivedWhat() {
        store.add(mail("ada@example.org", "<update-1@pledgeworks.local>"), new byte[0]);

        store.clear();

        assertThat(store.receivedBy()).isEmpty();
    }

    private CaughtMessage mail(String to, String messageId) {
        return new CaughtMessage(store.nextId(), "no-reply@pledgeworks.local", List.of(to), "An update", Instant.EPOCH,
                "text", null, List.of(), Map.of("Message-ID", messageId));
    }
}
