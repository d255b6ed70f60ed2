package org.pledgeworks.notification.verification;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.delivery.DeliveryRequest;

import org.springframework.stereotype.Component;

/**
 * On {@code pledge-signed.v1}: one verification mail per event. The delivery's id is the event's, so
 * a redelivered or replayed event sends nothing more.
 */
@Component
class VerificationRequests implements EventHandler<PledgeSigned> {

    static final String KIND = "verification";

    private final VerificationMail mail;
    private final Deliveries deliveries;

    VerificationRequests(VerificationMail mail, Deliveries deliveries) {
        this.mail = mail;
        this.deliveries = deliveries;
    }

    @Override
    public String type() {
        return PledgeSigned.TYPE;
    }

    @Override
    public Class<PledgeSigned> eventClass() {
        return PledgeSigned.class;
    }

    @Override
    public void handle(PledgeSigned signed, String eventId) {
        deliveries.request(new DeliveryRequest(deliveryId(eventId), KIND, signed.signatureId(), mail.render(signed),
                signed.verificationExpiresAt(), signed.occurredAt()));
    }

    static String deliveryId(String eventId) {
        return eventId + ":" + KIND;
    }
}
