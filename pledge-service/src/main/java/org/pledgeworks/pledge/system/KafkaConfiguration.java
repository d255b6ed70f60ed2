package org.pledgeworks.pledge.system;

import org.pledgeworks.kit.kafka.Topics;
import org.pledgeworks.kit.kafka.Topics.Retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Topics this service publishes to and dead-letters to. The dispatcher and the listener error policy
 * are service-kit's ({@code ListenerAutoConfiguration}, set by {@code pledgeworks.events.*}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /** {@code pledges} carries names and email addresses; {@code campaigns.dlt} is where its campaign listener dead-letters. */
    @Bean
    KafkaAdmin.NewTopics topics() {
        return Topics.declare()
                .withDeadLetter("pledges", 6, Retention.PERSONAL_DATA)
                .deadLetterOnly("campaigns", 3, Retention.BROKER_DEFAULT)
                .build();
    }
}
