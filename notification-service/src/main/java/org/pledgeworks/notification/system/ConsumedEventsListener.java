package org.pledgeworks.notification.system;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pledgeworks.kit.events.EventDispatcher;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code pledges}, {@code campaigns}, {@code opportunity-interests}, {@code event-rsvps} and
 * {@code staff} (group notification-service) and hands each event to
 * the handler of its {@code ce_type}. The offset is committed after the handler returns, so a crash
 * before that redelivers the record, which handlers absorb.
 */
@Component
class ConsumedEventsListener {

    static final String TOPIC = "pledges";
    static final String CAMPAIGNS = "campaigns";

    private final EventDispatcher dispatcher;

    ConsumedEventsListener(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "pledges", idIsGroup = false, topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record);
    }

    @KafkaListener(id = "campaigns", idIsGroup = false, topics = CAMPAIGNS)
    void onCampaign(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record);
    }

    @KafkaListener(id = "opportunity-interests", idIsGroup = false, topics = KafkaConfiguration.OPPORTUNITY_INTERESTS)
    void onInterest(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record);
    }

    @KafkaListener(id = "event-rsvps", idIsGroup = false, topics = KafkaConfiguration.EVENT_RSVPS)
    void onRsvp(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record);
    }

    @KafkaListener(id = "staff", idIsGroup = false, topics = KafkaConfiguration.STAFF)
    void onStaff(ConsumerRecord<String, String> record) {
        dispatcher.dispatch(record);
    }
}
