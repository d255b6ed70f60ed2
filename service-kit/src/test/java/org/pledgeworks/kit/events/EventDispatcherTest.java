package org.pledgeworks.kit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.events.elsewhere.Greetings;
import tools.jackson.databind.json.JsonMapper;

class EventDispatcherTest {

    private final Greetings greetings = new Greetings();
    private final EventDispatcher dispatcher = new EventDispatcher(List.of(greetings), JsonMapper.builder().build());

    @Test
    void aRecordGoesToTheHandlerOfItsTypeWithItsCloudEventsId() {
        UUID eventId = UUID.randomUUID();
        dispatcher.dispatch(record("greeted.v1", "ce-1", "{\"eventId\":\"" + eventId + "\",\"name\":\"Ada\",\"extra\":1}"));
        assertThat(greetings.seen).containsExactly("ce-1:Ada");
    }

    @Test
    void withoutACeIdTheEventsOwnIdIsUsed() {
        UUID eventId = UUID.randomUUID();
        dispatcher.dispatch(record("greeted.v1", null, "{\"eventId\":\"" + eventId + "\",\"name\":\"Ada\"}"));
        assertThat(greetings.seen).containsExactly(eventId + ":Ada");
    }

    @Test
    void aTypeNobodyHandlesIsSkipped() {
        dispatcher.dispatch(record("other.v1", "ce-2", "not even json"));
        assertThat(greetings.seen).isEmpty();
        assertThat(dispatcher.handles("other.v1")).isFalse();
    }

    @Test
    void whatCanNeverBeReadIsMalformedAndTheMessageNamesTheFieldNotTheValue() {
        assertThatThrownBy(() -> dispatcher.dispatch(record(null, "ce-3", "{}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_type");
        assertThatThrownBy(() -> dispatcher.dispatch(record("greeted.v1", "ce-4", "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"  \"}")))
                .isInstanceOf(MalformedEventException.class).hasMessage("greeted.v1 without required field 'name'");
        assertThatThrownBy(() -> dispatcher.dispatch(record("greeted.v1", "ce-5", "{\"eventId\": \"secret@example.org")))
                .isInstanceOf(MalformedEventException.class).hasMessageNotContaining("secret@example.org");
        assertThatThrownBy(() -> dispatcher.dispatch(record("greeted.v1", "ce-6", "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"name\":\"Bartholomew the Third\"}")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("over 10 characters");
        assertThat(greetings.seen).isEmpty();
    }

    @Test
    void twoHandlersForOneTypeAreRefusedAtStart() {
        assertThatThrownBy(() -> new EventDispatcher(List.of(new Greetings(), new Greetings()),
                JsonMapper.builder().build())).hasMessageContaining("two handlers for greeted.v1");
    }

    private static ConsumerRecord<String, String> record(String type, String id, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("topic", 0, 0L, "key", value);
        if (type != null) {
            record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        }
        if (id != null) {
            record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
