package org.pledgeworks.kit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service declares, as one {@link KafkaAdmin.NewTopics} bean: those it publishes to, and
 * those it reads that it must not wait for, so that it starts cleanly against a broker with auto-creation
 * off where nothing was created yet. The launcher creates the same catalogue (infra's {@code KafkaTopics},
 * docs/events.md); whoever comes first creates a topic and the other finds it, so the partitions and the
 * retention given here must be the catalogue's. Each topic's dead-letter topic has its partitions and its
 * retention: a dead letter holds what the topic held.
 */
public final class Topics {

    /** What a topic keeps. */
    public enum Retention {
        /** The broker's own setting. */
        BROKER_DEFAULT,
        /** Names and email addresses: a week, not forever. */
        PERSONAL_DATA
    }

    static final Duration PERSONAL_DATA_RETENTION = Duration.ofDays(7);

    private final List<NewTopic> topics = new ArrayList<>();

    private Topics() {
    }

    public static Topics declare() {
        return new Topics();
    }

    /** {@code topic} and its dead-letter topic. */
    public Topics withDeadLetter(String topic, int partitions, Retention retention) {
        topics.add(topic(topic, partitions, retention));
        return deadLetterOnly(topic, partitions, retention);
    }

    /** Only the dead-letter topic of {@code topic}: where this service's listener of another's topic dead-letters. */
    public Topics deadLetterOnly(String topic, int partitions, Retention retention) {
        topics.add(topic(topic + ListenerErrorPolicy.DEAD_LETTER_SUFFIX, partitions, retention));
        return this;
    }

    public KafkaAdmin.NewTopics build() {
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** What {@link #build()} declares, in order ({@code NewTopics} does not show it outside its package). */
    List<NewTopic> declared() {
        return List.copyOf(topics);
    }

    private static NewTopic topic(String name, int partitions, Retention retention) {
        TopicBuilder topic = TopicBuilder.name(name).partitions(partitions);
        if (retention == Retention.PERSONAL_DATA) {
            topic.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(PERSONAL_DATA_RETENTION.toMillis()));
        }
        return topic.build();
    }
}
