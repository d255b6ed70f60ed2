package org.pledgeworks.kit.outbox;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The relay and the serializer of every service that declares its {@link OutboxCollections}: each
 * service once wired the same two beans by hand. The CloudEvents source is the service's
 * {@code spring.application.name}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.pledgeworks.kit.mongo.MongoDatabaseAutoConfiguration", "org.pledgeworks.kit.clock.ClockAutoConfiguration" })
@ConditionalOnClass({ KafkaTemplate.class, MongoDatabase.class })
@ConditionalOnBean(OutboxCollections.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoDatabase database, KafkaTemplate<String, String> kafka,
            OutboxCollections collections, OutboxProperties properties, Environment environment, Clock clock) {
        return new OutboxRelay(database, kafka, new OutboxRelay.OutboxSettings(
                environment.getRequiredProperty("spring.application.name"), collections.names(),
                properties.sweepAfter()), clock);
    }

    @Bean
    @ConditionalOnMissingBean
    EventSerializer eventSerializer(JsonMapper json, Clock clock) {
        return new EventSerializer(json, clock);
    }
}
