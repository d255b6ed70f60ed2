package org.pledgeworks.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.events.EventDispatcher;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.IncomingEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * A service with Kafka gets the dispatcher over its handlers and the kit's error policy, its meters named
 * after the service and its retries set by {@code pledgeworks.events.*}; without Kafka, neither.
 */
class ListenerAutoConfigurationTest {

    record Sample(java.util.UUID eventId) implements IncomingEvent {
    }

    // nothing here connects: the producer only reaches out when first used
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ListenerAutoConfiguration.class))
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("spring.application.name=sample-service");

    private static KafkaTemplate<String, String> template() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, String>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
    }

    @Test
    void aConsumingServiceGetsTheDispatcherOverItsHandlersAndThePolicyNamedAfterIt() {
        context.withBean(KafkaTemplate.class, ListenerAutoConfigurationTest::template)
                .withBean("sampleHandler", EventHandler.class,
                        () -> EventHandler.of("sample-happened.v1", Sample.class, (event, id) -> { }))
                .withPropertyValues("pledgeworks.events.retry-attempts=5", "pledgeworks.events.max-back-off=1m")
                .run(c -> {
                    assertThat(c.getBean(EventDispatcher.class).handles("sample-happened.v1")).isTrue();
                    assertThat(c).hasSingleBean(DefaultErrorHandler.class);
                    assertThat(c.getBean(ListenerProperties.class)).isEqualTo(
                            new ListenerProperties(Duration.ofMillis(500), 5, Duration.ofMinutes(1)));
                    MeterRegistry meters = c.getBean(MeterRegistry.class);
                    assertThat(meters.find("sample.events.failed.attempts").counter()).isNotNull();
                    assertThat(meters.find("sample.events.dead.lettered").counter()).isNotNull();
                });
    }

    @Test
    void aServiceWithItsOwnErrorHandlerKeepsIt() {
        context.withBean(KafkaTemplate.class, ListenerAutoConfigurationTest::template)
                .withBean(CommonErrorHandler.class, CommonLoggingErrorHandler::new)
                .run(c -> assertThat(c).hasSingleBean(CommonErrorHandler.class)
                        .doesNotHaveBean(DefaultErrorHandler.class));
    }

    @Test
    void aServiceWithoutKafkaGetsNeither() {
        context.run(c -> assertThat(c).doesNotHaveBean(EventDispatcher.class)
                .doesNotHaveBean(CommonErrorHandler.class));
    }
}
