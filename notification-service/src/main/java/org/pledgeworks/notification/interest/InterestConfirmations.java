package org.pledgeworks.notification.interest;

import java.util.Map;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.delivery.DeliveryRequest;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTemplates;
import org.pledgeworks.notification.subscribers.RecipientKeys;

import org.springframework.stereotype.Component;

/**
 * On {@code opportunity-interest-requested.v1}: one confirmation mail per event. The delivery's id is the
 * event's, so a redelivered event sends nothing more; it is keyed to the recipient too, so that
 * {@code signer-erased} strips it like the person's other mail. Past the link's expiry it is not sent.
 */
@Component
class InterestConfirmations implements EventHandler<OpportunityInterestRequested> {

    static final String KIND = "interest-confirmation";

    private final MailTemplates templates;
    private final Deliveries deliveries;
    private final RecipientKeys keys;

    InterestConfirmations(MailTemplates templates, Deliveries deliveries, RecipientKeys keys) {
        this.templates = templates;
        this.deliveries = deliveries;
        this.keys = keys;
    }

    @Override
    public String type() {
        return OpportunityInterestRequested.TYPE;
    }

    @Override
    public Class<OpportunityInterestRequested> eventClass() {
        return OpportunityInterestRequested.class;
    }

    @Override
    public void handle(OpportunityInterestRequested requested, String eventId) {
        Mail mail = templates.render(KIND, requested.locale(), requested.email(), Map.of(
                "name", requested.name(),
                "opportunityTitle", requested.opportunityTitle(),
                "campaignTitle", requested.campaignTitle(),
                "organisation", requested.organisation(),
                "confirmUrl", requested.confirmUrl(),
                "withdrawUrl", requested.withdrawUrl(),
                "expiresAt", MailTemplates.LINK_EXPIRY.format(requested.confirmExpiresAt())));
        deliveries.request(new DeliveryRequest(eventId + ":" + KIND, KIND, requested.interestId(), mail,
                requested.confirmExpiresAt(), requested.occurredAt(), false, null, keys.idOf(requested.email())));
    }
}
