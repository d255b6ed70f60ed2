package org.pledgeworks.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.clock.ClockAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** A service that names its outbox collections gets the relay and the serializer; one that does not, neither. */
class OutboxAutoConfigurationTest {

    private static final MongoClient client = MongoClients.create("mongodb://127.0.0.1:9");

    // nothing here connects: the client and the producer only reach out when first used
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class, OutboxAutoConfiguration.class))
            .withBean(MongoDatabase.class, () -> client.getDatabase("outbox-test"))
            .withBean(KafkaTemplate.class, () -> new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, String>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))))
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withPropertyValues("spring.application.name=sample-service");

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aServiceThatNamesItsCollectionsGetsTheRelayWithItsNameAsSourceAndTheSerializer() {
        context.withBean(OutboxCollections.class, () -> OutboxCollections.of("orders", "tallies"))
                .withPropertyValues("pledgeworks.outbox.sweep-after=7s")
                .run(c -> {
                    assertThat(c).hasSingleBean(EventSerializer.class);
                    assertThat(c.getBean(OutboxRelay.class)).extracting("settings").isEqualTo(
                            new OutboxRelay.OutboxSettings("sample-service", List.of("orders", "tallies"),
                                    Duration.ofSeconds(7)));
                });
    }

    @Test
    void aServiceWithoutOutboxCollectionsGetsNoRelay() {
        context.run(c -> assertThat(c).doesNotHaveBean(OutboxRelay.class).doesNotHaveBean(EventSerializer.class));
    }

    @Test
    void anOutboxWithoutCollectionsIsAMistake() {
        assertThatThrownBy(() -> OutboxCollections.of()).isInstanceOf(IllegalArgumentException.class);
    }
}
