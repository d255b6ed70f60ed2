package org.pledgeworks.notification.subscribers;

import java.time.Instant;

import org.pledgeworks.kit.events.EventHandler;

import org.springframework.stereotype.Component;

/**
 * What pledges mean for subscribers beyond the thank-you mail ({@code transactional/VerifiedPledges}
 * subscribes a verified signer who consented): a released signature's consent.
 */
class SignerEvents {

    private SignerEvents() {
    }

    /** {@code pledge-released.v1}: a held, verified signature now counts; with consent, a subscriber. */
    @Component
    static class Released implements EventHandler<PledgeReleased> {

        private final Subscriptions subscriptions;

        Released(Subscriptions subscriptions) {
            this.subscriptions = subscriptions;
        }

        @Override
        public String type() {
            return PledgeReleased.TYPE;
        }

        @Override
        public Class<PledgeReleased> eventClass() {
            return PledgeReleased.class;
        }

        @Override
        public void handle(PledgeReleased released, String eventId) {
            if (Boolean.TRUE.equals(released.consentToUpdates()) && released.email().isPresent()) {
                Instant givenAt = released.verifiedAt().orElse(released.occurredAt());
                subscriptions.consent(new Subscriptions.NewConsent(eventId, released.email().get(),
                        released.name().orElse(null), released.locale().orElse(null), released.campaignId(), "pledge",
                        released.signatureId(), released.ipHash().orElse(null), givenAt));
            }
        }
    }
}
