package org.pledgeworks.gateway.staff;

import java.util.List;
import java.util.UUID;

import org.pledgeworks.kit.kafka.Topics;
import org.pledgeworks.kit.kafka.Topics.Retention;
import org.pledgeworks.kit.links.SealedText;
import org.pledgeworks.kit.management.OperatorProperties;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxCollections;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What the gateway publishes: the {@code staff} topic (invitations, password resets, membership changes;
 * names and addresses, so kept a week), through the kit's outbox. The events wait in the account or
 * invitation document whose change caused them; the relay sends them keyed by organisation (by account for
 * a reset), so one organisation's changes stay in order for the audit log campaign-service keeps.
 */
@IssuesTokens
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
class StaffEvents {

    static final String TOPIC = "staff";

    static final String INVITATION_SENT = "staff-invitation-sent.v1";

    static final String PASSWORD_RESET_REQUESTED = "staff-password-reset-requested.v1";

    static final String MEMBERSHIP_CHANGED = "staff-membership-changed.v1";

    private final EventSerializer serializer;

    private final OutboxRelay relay;

    StaffEvents(EventSerializer serializer, OutboxRelay relay) {
        this.serializer = serializer;
        this.relay = relay;
    }

    @Bean
    static OutboxCollections outboxCollections() {
        return OutboxCollections.of(StaffAccounts.COLLECTION, StaffInvitations.COLLECTION);
    }

    @Bean
    static KafkaAdmin.NewTopics staffTopics() {
        return Topics.declare().withDeadLetter(TOPIC, 3, Retention.PERSONAL_DATA).build();
    }

    /** Fails at start without the secret: a link sealed with a key no other process has could never be mailed. */
    @Bean
    static SealedText staffLinkSealer(StaffProperties properties) {
        return new SealedText(properties.tokenSecret());
    }

    PendingEvent pending(String type, String key, UUID eventId, Object event) {
        return serializer.pending(TOPIC, type, key, eventId, event);
    }

    /** Sends the events just written with the document {@code id}; returns at once, the sweeps retry. */
    void relay(String collection, Object id, List<PendingEvent> written) {
        relay.publish(collection, id, written);
    }
}
