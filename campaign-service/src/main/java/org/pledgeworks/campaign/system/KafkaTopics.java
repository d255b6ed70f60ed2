package org.pledgeworks.campaign.system;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.pledgeworks.kit.events.EventDispatcher;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.kafka.ListenerErrorPolicy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Declares the topics this service publishes to, with the partition counts DESIGN.md fixes, so that
 * a broker with auto-creation off (as in production) still has them. The launcher creates them too.
 * Consumed events go through the kit's dispatcher to their handlers, under the kit's listener error
 * policy: a malformed record goes to {@code <topic>.dlt} at once, a database or broker that is away
 * holds the partition until it is back, anything else is retried a few times and then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    static final String CAMPAIGNS = "campaigns";
    private static final String SEVEN_DAYS_MS = "604800000";

    @Bean
    NewTopic campaignsTopic() {
        return TopicBuilder.name(CAMPAIGNS).partitions(3).build();
    }

    @Bean
    NewTopic campaignsDeadLetterTopic() {
        return TopicBuilder.name(CAMPAIGNS + ".dlt").partitions(3).build();
    }

    /** Where this service's pledge listener dead-letters; personal data, so a week at most. */
    @Bean
    NewTopic pledgesDeadLetterTopic() {
        return TopicBuilder.name("pledges.dlt").partitions(6).config(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS)
                .build();
    }

    @Bean
    EventDispatcher eventDispatcher(List<EventHandler<?>> handlers, JsonMapper json) {
        return new EventDispatcher(handlers, json);
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> template, CampaignServiceProperties properties,
            MeterRegistry meters) {
        CampaignServiceProperties.Events events = properties.events();
        return ListenerErrorPolicy.errorHandler(template, new ListenerErrorPolicy.Settings("campaign",
                events.retryInterval(), events.retryAttempts(), events.maxBackOff()), meters);
    }
}
