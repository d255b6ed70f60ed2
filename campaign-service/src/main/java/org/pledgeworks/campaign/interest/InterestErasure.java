package org.pledgeworks.campaign.interest;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.kit.events.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code signer-erased.v1} on {@code pledges} (read by the milestones' listener, dispatched here by type):
 * the person asked pledge-service to forget them, so their interests go too. The event names them by the
 * normalised address, which is what the interests' {@code emailHash} is a hash of. Deleting twice deletes
 * nothing more, so a redelivery is harmless.
 */
@Configuration(proxyBeanMethods = false)
class InterestErasure {

    private static final Logger log = LoggerFactory.getLogger(InterestErasure.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignerErased(UUID eventId, String erasureId, String email) implements IncomingEvent {
    }

    @Bean
    EventHandler<SignerErased> signerErased(Interests interests) {
        return EventHandler.of("signer-erased.v1", SignerErased.class, (erased, eventId) -> {
            long deleted = interests.erase(erased.email());
            log.info("Erasure {}: {} interest(s) in opportunities deleted", erased.erasureId(), deleted);
        });
    }
}
