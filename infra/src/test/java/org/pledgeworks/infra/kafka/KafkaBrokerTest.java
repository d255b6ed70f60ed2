package org.pledgeworks.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void oneKraftNodeBoundToLoopbackWithSingleReplicaInternalTopics() throws Exception {
        KafkaBroker broker = new KafkaBroker(dir, 19092, 19093);
        Properties props = new Properties();
        props.load(new StringReader(broker.serverProperties()));

        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(props).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", dir.resolve("kraft-combined-logs").toString())
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("num.partitions", "1")
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void theClusterIdIsKeptForTheNextFormat() throws Exception {
        String first = new KafkaBroker(dir, 1, 2).clusterId();

        assertThat(new KafkaBroker(dir, 3, 4).clusterId()).isEqualTo(first).hasSize(22);
    }

    @Test
    void everyTopicHasADeadLetterTopicWithAsManyPartitionsAndPersonalDataExpires() {
        assertThat(KafkaTopics.PLEDGEWORKS).containsExactly(
                new TopicSpec("campaigns", 3, Optional.empty()),
                new TopicSpec("campaigns.dlt", 3, Optional.empty()),
                new TopicSpec("pledges", 6, Optional.of(Duration.ofDays(7))),
                new TopicSpec("pledges.dlt", 6, Optional.of(Duration.ofDays(7))),
                new TopicSpec("notifications", 12, Optional.of(Duration.ofDays(7))),
                new TopicSpec("notifications.dlt", 12, Optional.of(Duration.ofDays(7))),
                new TopicSpec("opportunity-interests", 3, Optional.of(Duration.ofDays(7))),
                new TopicSpec("opportunity-interests.dlt", 3, Optional.of(Duration.ofDays(7))),
                new TopicSpec("event-rsvps", 3, Optional.of(Duration.ofDays(7))),
                new TopicSpec("event-rsvps.dlt", 3, Optional.of(Duration.ofDays(7))),
                new TopicSpec("staff", 3, Optional.of(Duration.ofDays(7))),
                new TopicSpec("staff.dlt", 3, Optional.of(Duration.ofDays(7))));
    }
}
