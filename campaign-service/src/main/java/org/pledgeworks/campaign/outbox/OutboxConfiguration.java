package org.pledgeworks.campaign.outbox;

import java.time.Clock;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.OutboxRelay.OutboxSettings;
import org.pledgeworks.campaign.system.CampaignServiceProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/** The kit's outbox, over the collections of this service whose documents carry pending events. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    static final List<String> COLLECTIONS = List.of("campaigns", "tallies", "updates", "card-targets", "opportunities");

    @Bean
    OutboxRelay outboxRelay(MongoDatabase database, KafkaTemplate<String, String> kafka,
            CampaignServiceProperties properties, Clock clock) {
        return new OutboxRelay(database, kafka,
                new OutboxSettings("campaign-service", COLLECTIONS, properties.outbox().sweepAfter()), clock);
    }

    @Bean
    EventSerializer eventSerializer(JsonMapper json, Clock clock) {
        return new EventSerializer(json, clock);
    }
}
