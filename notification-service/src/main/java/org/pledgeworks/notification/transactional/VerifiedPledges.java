package org.pledgeworks.notification.transactional;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.subscribers.Subscriptions;

import org.springframework.stereotype.Component;

/**
 * {@code pledge-verified.v1}: with consent, a subscriber — unless the signature is held in quarantine
 * ({@code counted: false}), which waits for its release; always, the thank-you mail.
 */
@Component
class VerifiedPledges implements EventHandler<PledgeVerified> {

    private final Subscriptions subscriptions;
    private final TransactionalMails mails;

    VerifiedPledges(Subscriptions subscriptions, TransactionalMails mails) {
        this.subscriptions = subscriptions;
        this.mails = mails;
    }

    @Override
    public String type() {
        return PledgeVerified.TYPE;
    }

    @Override
    public Class<PledgeVerified> eventClass() {
        return PledgeVerified.class;
    }

    @Override
    public void handle(PledgeVerified verified, String eventId) {
        boolean subscribed = false;
        if (Boolean.TRUE.equals(verified.consentToUpdates()) && verified.counts()) {
            subscribed = subscriptions.consent(new Subscriptions.NewConsent(eventId, verified.email(),
                    verified.name(), verified.locale(), verified.campaignId(), "pledge", verified.signatureId(),
                    verified.ipHash().orElse(null), verified.occurredAt()));
        }
        mails.thankYou(verified, eventId, subscribed);
    }
}
