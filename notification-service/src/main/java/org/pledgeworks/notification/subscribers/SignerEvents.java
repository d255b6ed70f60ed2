package org.pledgeworks.notification.subscribers;

import java.time.Instant;

import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.events.PledgeReleased;
import org.pledgeworks.notification.events.PledgeVerified;
import org.pledgeworks.notification.events.SignerErased;
import org.pledgeworks.notification.transactional.TransactionalMails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What pledges mean for subscribers: consent from verified pledges, erasure from {@code signer-erased}. */
class SignerEvents {

    private static final Logger log = LoggerFactory.getLogger(SignerEvents.class);

    private SignerEvents() {
    }

    /**
     * {@code pledge-verified.v1}: with consent, a subscriber — unless the signature is held in quarantine
     * ({@code counted: false}), which waits for its release; always, the thank-you mail.
     */
    @Component
    static class Verified implements EventHandler<PledgeVerified> {

        private final Subscriptions subscriptions;
        private final TransactionalMails mails;

        Verified(Subscriptions subscriptions, TransactionalMails mails) {
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

    /** {@code signer-erased.v1}: the person's data goes; a keyed hash stays on the suppression list. */
    @Component
    static class Erased implements EventHandler<SignerErased> {

        private final Subscriptions subscriptions;
        private final Deliveries deliveries;
        private final ApplicationEventPublisher features;

        Erased(Subscriptions subscriptions, Deliveries deliveries, ApplicationEventPublisher features) {
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
}
