package org.pledgeworks.kit.deadletters;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The dead-letter endpoint and gauge in every service that has a Kafka admin (every consumer); a
 * service exposes the endpoint ({@code management.endpoints.web.exposure.include: deadletters}) and
 * names its topics ({@code pledgeworks.dead-letters.topics}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({ KafkaAdmin.class, Endpoint.class })
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(DeadLetterProperties.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetters deadLetters(KafkaAdmin admin, ObjectProvider<Clock> clock) {
        return new DeadLetters(connection(admin.getConfigurationProperties()), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    DeadLetterEndpoint deadLetterEndpoint(DeadLetters deadLetters, DeadLetterProperties properties) {
        return new DeadLetterEndpoint(deadLetters, properties);
    }

    @Bean
    DeadLetterGauges deadLetterGauges(DeadLetters deadLetters, DeadLetterProperties properties) {
        return new DeadLetterGauges(deadLetters, properties);
    }

    /** Where the broker is and how to reach it, without the admin client's own settings. */
    static Map<String, Object> connection(Map<String, Object> admin) {
        Map<String, Object> connection = new HashMap<>();
        admin.forEach((key, value) -> {
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) || key.startsWith("security.")
                    || key.startsWith("ssl.") || key.startsWith("sasl.") || key.equals("client.dns.lookup")) {
                connection.put(key, value);
            }
        });
        return connection;
    }
}
