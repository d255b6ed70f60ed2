package org.pledgeworks.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.pledgeworks.notification.mail.MessageIds;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/** The door features use to have a mail delivered: exactly once per request id. */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DeliveryRepository repository;
    private final DeliverySender sender;
    private final Clock clock;
    private final String messageIdDomain;
    private final Counter repeated;

    Deliveries(DeliveryRepository repository, DeliverySender sender, Clock clock,
            NotificationServiceProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.sender = sender;
        this.clock = clock;
        this.messageIdDomain = properties.mail().messageIdDomain();
        this.repeated = Counter.builder("notification.deliveries.repeated")
                .description("Delivery requests for a delivery that exists already (redelivered or replayed events)")
                .register(meters);
    }

    /**
     * Records the delivery (durably, before this returns) and starts sending it. Returns at once: the
     * caller may commit the event that asked for it.
     *
     * @return false when this delivery was requested before; nothing is sent again
     */
    public boolean request(DeliveryRequest request) {
        // The new record is written already claimed by us, so the retrier leaves it to the sender.
        Delivery delivery = Delivery.claimedNew(request, MessageIds.of(request.id(), messageIdDomain),
                UUID.randomUUID().toString());
        if (!repository.insert(delivery, clock.instant())) {
            repeated.increment();
            log.info("Delivery {} requested again: already recorded, nothing more to do", request.id());
            return false;
        }
        // one line per mail asked for, on the thread of the event that asked: it carries that event's trace
        log.info("Delivery {} ({}) recorded", request.id(), request.kind());
        sender.submit(delivery);
        return true;
    }

    /**
     * Many at once (a listener's batch of bulk mail): one insert for all, then sending, waiting up to
     * {@code patience} for room in the senders' queue so the caller goes no faster than the provider.
     *
     * @return how many were new; the others were requested before and are not sent again
     */
    public int requestAll(List<DeliveryRequest> requests, Duration patience) {
        List<Delivery> batch = new ArrayList<>(requests.size());
        String claim = UUID.randomUUID().toString();
        for (DeliveryRequest request : requests) {
            batch.add(Delivery.claimedNew(request, MessageIds.of(request.id(), messageIdDomain), claim));
        }
        List<Delivery> fresh = repository.insertNew(batch, clock.instant());
        int repeats = batch.size() - fresh.size();
        if (repeats > 0) {
            repeated.increment(repeats);
            log.info("{} of {} deliveries requested again: already recorded", repeats, batch.size());
        }
        sender.submitAll(fresh, patience);
        return fresh.size();
    }

    /** The bulk message a delivery belongs to (for webhook stats); empty for transactional mail. */
    public java.util.Optional<String> messageRefOf(String deliveryId) {
        return repository.messageRefOf(deliveryId);
    }

    /** Erasure: deliveries to this person keep only that they happened. */
    public long forgetRecipient(String recipientId, List<String> aggregateIds) {
        return repository.forgetRecipient(recipientId, aggregateIds);
    }
}
