package org.pledgeworks.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds: gives back the claims of senders that died, then claims the deliveries that are
 * due (one atomic claim each, so instances running this side by side never send the same one) and
 * hands them to the sender.
 */
@Component
class DeliveryRetrier {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetrier.class);

    private final DeliveryRepository repository;
    private final DeliverySender sender;
    private final Clock clock;
    private final Duration sendingTimeout;
    private final int batch;

    DeliveryRetrier(DeliveryRepository repository, DeliverySender sender, Clock clock,
            NotificationServiceProperties properties) {
        this.repository = repository;
        this.sender = sender;
        this.clock = clock;
        this.sendingTimeout = properties.delivery().sendingTimeout();
        this.batch = properties.delivery().retryBatch();
    }

    @Scheduled(fixedDelayString = "${pledgeworks.delivery.retry-interval:2s}")
    void retryDue() {
        try {
            Instant now = clock.instant();
            long released = repository.releaseStuck(now.minus(sendingTimeout), now);
            if (released > 0) {
                log.warn("Released {} deliveries claimed longer than {}: their sender died mid-send", released,
                        sendingTimeout);
            }
            int claimed = 0;
            for (DeliveryRepository.Due due : repository.due(now, batch)) {
                if (!sender.hasCapacity()) {
                    break;
                }
                var delivery = repository.claim(due, UUID.randomUUID().toString(), now);
                if (delivery.isPresent()) {
                    sender.submit(delivery.get());
                    claimed++;
                }
            }
            if (claimed > 0) {
                log.debug("Retrying {} due deliveries", claimed);
            }
        }
        catch (RuntimeException e) {
            log.warn("Retrier round failed, the next one tries again: {}", e.getClass().getSimpleName());
        }
    }
}
