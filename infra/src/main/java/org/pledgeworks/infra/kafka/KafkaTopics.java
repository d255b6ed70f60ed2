package org.pledgeworks.infra.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.pledgeworks.infra.process.StartupException;

/**
 * The topics of docs/events.md. Created before the services start, because auto-creation is off
 * and a service that subscribes first would otherwise log LEADER_NOT_AVAILABLE until one appears.
 */
public final class KafkaTopics {

    /** Pledges, notifications, interest in opportunities, RSVPs to events and staff invitations carry names and email addresses: keep them a week, not forever. */
    public static final Duration PERSONAL_DATA_RETENTION = Duration.ofDays(7);

    public static final List<TopicSpec> PLEDGEWORKS = withDeadLetterTopics(List.of(
            new TopicSpec("campaigns", 3, Optional.empty()),
            new TopicSpec("pledges", 6, Optional.of(PERSONAL_DATA_RETENTION)),
            new TopicSpec("notifications", 12, Optional.of(PERSONAL_DATA_RETENTION)),
            new TopicSpec("opportunity-interests", 3, Optional.of(PERSONAL_DATA_RETENTION)),
            new TopicSpec("event-rsvps", 3, Optional.of(PERSONAL_DATA_RETENTION)),
            // the gateway's staff invitations, password resets and membership changes: names and addresses
            new TopicSpec("staff", 3, Optional.of(PERSONAL_DATA_RETENTION))));

    private KafkaTopics() {
    }

    /** Each topic followed by its {@code .dlt}, with as many partitions and the same retention. */
    static List<TopicSpec> withDeadLetterTopics(List<TopicSpec> topics) {
        List<TopicSpec> all = new ArrayList<>();
        for (TopicSpec topic : topics) {
            all.add(topic);
            all.add(new TopicSpec(topic.name() + ".dlt", topic.partitions(), topic.retention()));
        }
        return List.copyOf(all);
    }

    /**
     * Creates the topics that do not exist yet; existing ones are left as they are.
     *
     * @param replicationFactor empty: the cluster's default.replication.factor (right for a
     *                          cluster someone else runs); the local single broker passes 1
     * @return the names of the topics created now
     */
    public static List<String> create(String bootstrapServers, List<TopicSpec> topics,
            Optional<Short> replicationFactor) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "pledgeworks-launcher-topics");
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> requests = topics.stream().map(topic -> {
                NewTopic request = new NewTopic(topic.name(), Optional.of(topic.partitions()), replicationFactor);
                topic.retention().ifPresent(retention -> request.configs(
                        Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))));
                return request;
            }).toList();
            Map<String, KafkaFuture<Void>> results = admin.createTopics(requests).values();
            List<String> created = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StartupException("could not create topic " + result.getKey() + " on "
                                + bootstrapServers + ": " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return created;
        } catch (TimeoutException e) {
            throw new StartupException("creating topics on " + bootstrapServers + " took longer than 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while creating topics", e);
        }
    }
}
