package org.pledgeworks.notification.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pledgeworks.notification.support.PledgeVerifiedMother.aVerifiedPledge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestInfrastructure;
import org.pledgeworks.notification.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the launcher and an operator rely on: probes, metrics, and the topics this service declares. */
class OperationsIT extends ServiceIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void readinessAndOverallHealthAreUp() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusShowsTheMailCounters() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("notification_events_dead_lettered_total")
                .contains("notification_deliveries_repeated_total");
    }

    /**
     * The batch listener's legacy timer shares the observation timers' name with other tag keys, and
     * Prometheus refuses one of the two sets (spring-kafka#3947): once the batch listener has run, only
     * observation timers may exist, and the record listeners' must be there.
     */
    @Test
    void kafkaListenerTimersAreTheObservationsOnes() throws Exception {
        String skipped = "not-a-notification-" + UUID.randomUUID();
        // a record the batch listener reads and skips (another type)
        var sent = KafkaProbe.publishEvent("notifications", skipped,
                "some.other.type.v1", skipped, "{}");
        aVerifiedPledge("c-ops-" + skipped,
                "ops+" + System.nanoTime() + "@example.org").publish();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumedPast(sent)
                && !meters.find("spring.kafka.listener").tag("messaging.source.name", "pledges").timers().isEmpty());

        assertThat(meters.find("spring.kafka.listener").tagKeys("name").timers()).as("legacy listener timers").isEmpty();
        assertThat(get("/actuator/prometheus").body()).containsPattern(
                "spring_kafka_listener_seconds_count\\{[^}]*messaging_source_name=\"pledges\"");
    }

    /** Whether the notifications listener's group has committed past this record. */
    private boolean consumedPast(RecordMetadata sent) throws Exception {
        try (AdminClient admin = AdminClient.create(
                java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            var committed = admin.listConsumerGroupOffsets("notification-service").partitionsToOffsetAndMetadata().get();
            var offset = committed.get(new TopicPartition("notifications", sent.partition()));
            return offset != null && offset.offset() > sent.offset();
        }
    }

    @Test
    void theDeadLetterTopicMatchesItsTopicAndKeepsPersonalDataSevenDays() throws Exception {
        try (AdminClient admin = AdminClient.create(
                java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            java.util.Map<String, TopicDescription> topics = admin.describeTopics(java.util.List.of("pledges", "pledges.dlt"))
                    .allTopicNames().get();
            assertThat(topics.get("pledges").partitions()).hasSize(6);
            assertThat(topics.get("pledges.dlt").partitions()).hasSize(6);
            ConfigResource dlt = new ConfigResource(ConfigResource.Type.TOPIC, "pledges.dlt");
            assertThat(admin.describeConfigs(java.util.List.of(dlt)).all().get().get(dlt).get("retention.ms").value())
                    .isEqualTo("604800000");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
