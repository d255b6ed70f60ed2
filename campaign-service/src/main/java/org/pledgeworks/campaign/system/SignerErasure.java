package org.pledgeworks.campaign.system;

import java.util.List;
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
 * the person asked pledge-service to forget them, so whatever else of theirs this service keeps goes too
 * (interest in opportunities, RSVPs). The dispatcher takes one handler per type, hence one handler that
 * calls every {@link PersonErasure}. The event names them by the normalised address.
 */
@Configuration(proxyBeanMethods = false)
class SignerErasure {

    private static final Logger log = LoggerFactory.getLogger(SignerErasure.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignerErased(UUID eventId, String erasureId, String email) implements IncomingEvent {
    }

    @Bean
    EventHandler<SignerErased> signerErased(List<PersonErasure> erasures) {
        return EventHandler.of("signer-erased.v1", SignerErased.class, (erased, eventId) -> {
            for (PersonErasure erasure : erasures) {
                log.info("Erasure {}: {} {} deleted", erased.erasureId(), erasure.erase(erased.email()), erasure.what());
            }
        });
    }
}
