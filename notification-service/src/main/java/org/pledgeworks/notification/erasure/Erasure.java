package org.pledgeworks.notification.erasure;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.subscribers.RecipientErased;
import org.pledgeworks.notification.subscribers.Subscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** {@code signer-erased.v1}: the person's data goes; a keyed hash stays on the suppression list. */
@Component
class Erasure implements EventHandler<SignerErased> {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final ApplicationEventPublisher features;

    Erasure(Subscriptions subscriptions, Deliveries deliveries, ApplicationEventPublisher features) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.features = features;
    }

    @Override
    public String type() {
        return SignerErased.TYPE;
    }

    @Override
    public Class<SignerErased> eventClass() {
        return SignerErased.class;
    }

    @Override
    public void handle(SignerErased erased, String eventId) {
        String recipientId = subscriptions.erase(erased.email());
        // synchronous: if a listener fails, the event is retried, and every step is idempotent
        features.publishEvent(new RecipientErased(recipientId));
        long forgotten = deliveries.forgetRecipient(recipientId, erased.signatureIds());
        log.info("Erasure {}: subscriptions, consents and follow requests deleted, {} deliveries stripped",
                erased.erasureId(), forgotten);
    }
}
