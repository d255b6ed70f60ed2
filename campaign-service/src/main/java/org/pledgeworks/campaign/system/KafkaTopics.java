package org.pledgeworks.campaign.system;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the topics this service publishes to, with the partition counts DESIGN.md fixes, so that
 * a broker with auto-creation off (as in production) still has them. The launcher creates them too.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopics {

    static final String CAMPAIGNS = "campaigns";

    @Bean
    NewTopic campaignsTopic() {
        return TopicBuilder.name(CAMPAIGNS).partitions(3).build();
    }

    @Bean
    NewTopic campaignsDeadLetterTopic() {
        return TopicBuilder.name(CAMPAIGNS + ".dlt").partitions(3).build();
    }
}
