package org.pledgeworks.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.kafka.Topics.Retention;

class TopicsTest {

    @Test
    void aTopicComesWithItsDeadLetterTopicAlikeAndPersonalDataIsKeptAWeek() {
        List<NewTopic> topics = Topics.declare()
                .withDeadLetter("opportunity-interests", 3, Retention.PERSONAL_DATA)
                .withDeadLetter("campaigns", 3, Retention.BROKER_DEFAULT)
                .deadLetterOnly("pledges", 6, Retention.PERSONAL_DATA)
                .declared();

        Map<String, String> week = Map.of("retention.ms", "604800000");
        assertThat(topics).extracting(NewTopic::name, NewTopic::numPartitions, NewTopic::configs).containsExactly(
                tuple("opportunity-interests", 3, week),
                tuple("opportunity-interests.dlt", 3, week),
                tuple("campaigns", 3, null),
                tuple("campaigns.dlt", 3, null),
                tuple("pledges.dlt", 6, week));
    }
}
