package org.pledgeworks.campaign.outbox;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.pledgeworks.campaign.system.KafkaTopics;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;

import org.springframework.stereotype.Component;

/**
 * How this service's features hand their events to the kit's outbox. Nearly every event here goes to
 * the {@code campaigns} topic, keyed by the id of the one campaign it is about (or, for an
 * organisation's profile, the organisation's id), so that one campaign's events stay in order; those
 * that carry personal data go to their own topic ({@link #pendingOn}). A feature makes the
 * {@link #pending} events of a change, writes them in the same single-document write as the state they
 * belong to, and then {@link #relay relays} them; what the relay does not finish (a broker outage, a
 * crash in between), the kit's sweeps find in the document and send.
 */
@Component
public class EventOutbox {

    private final EventSerializer serializer;
    private final OutboxRelay relay;

    EventOutbox(EventSerializer serializer, OutboxRelay relay) {
        this.serializer = serializer;
        this.relay = relay;
    }

    /** {@code event} as it waits in its document: its logical type on the wire, its key (the campaign), its id. */
    public PendingEvent pending(String type, String campaignId, UUID eventId, Object event) {
        return serializer.pending(KafkaTopics.CAMPAIGNS, type, campaignId, eventId, event);
    }

    /**
     * {@code event} for another topic than {@code campaigns}: events that carry personal data (a person's
     * interest in an opportunity) go to a topic of their own with a short retention, keyed by {@code key}.
     */
    public PendingEvent pendingOn(String topic, String type, String key, UUID eventId, Object event) {
        return serializer.pending(topic, type, key, eventId, event);
    }

    /**
     * Writes a change with its events in one conditional write ({@code conditionalWrite} answers false when
     * the document changed since it was read, and then nothing was written) and relays them once written.
     */
    public boolean write(String collection, Object id, List<PendingEvent> events,
            Predicate<List<PendingEvent>> conditionalWrite) {
        if (!conditionalWrite.test(events)) {
            return false;
        }
        relay(collection, id, events);
        return true;
    }

    /** Sends the events just written with the document {@code id} of {@code collection}; returns at once. */
    public void relay(String collection, Object id, List<PendingEvent> written) {
        relay.publish(collection, id, written);
    }
}
