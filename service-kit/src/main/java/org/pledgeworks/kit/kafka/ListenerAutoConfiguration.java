package org.pledgeworks.kit.kafka;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.pledgeworks.kit.events.EventDispatcher;
import org.pledgeworks.kit.events.EventHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * What every consuming service wired by hand before: the dispatcher that hands a consumed event to its
 * {@link EventHandler}, and the {@link ListenerErrorPolicy} as the error handler Boot's listener container
 * factory picks up. Meters are named after {@code spring.application.name} without {@code -service}
 * ({@code pledge.events.dead.lettered}). Off where there is no Kafka (the gateway).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaTemplate.class)
@EnableConfigurationProperties(ListenerProperties.class)
public class ListenerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventDispatcher eventDispatcher(List<EventHandler<?>> handlers, JsonMapper json) {
        return new EventDispatcher(handlers, json);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template, ListenerProperties properties,
            Environment environment, MeterRegistry meters) {
        String meterPrefix = environment.getRequiredProperty("spring.application.name").replaceFirst("-service$", "");
        return ListenerErrorPolicy.errorHandler(template, new ListenerErrorPolicy.Settings(meterPrefix,
                properties.retryInterval(), properties.retryAttempts(), properties.maxBackOff()), meters);
    }
}
