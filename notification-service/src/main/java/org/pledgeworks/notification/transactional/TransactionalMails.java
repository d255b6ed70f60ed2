package org.pledgeworks.notification.transactional;

import java.util.HashMap;
import java.util.Map;

import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.delivery.DeliveryRequest;
import org.pledgeworks.notification.mail.Mail;
import org.pledgeworks.notification.mail.MailTemplates;
import org.pledgeworks.notification.subscribers.RecipientKeys;

import org.springframework.stereotype.Component;

/** Renders and requests the thank-you and already-signed mails; handles {@code pledge-signed-again.v1}. */
@Component
public class TransactionalMails implements EventHandler<PledgeSignedAgain> {

    static final String THANK_YOU = "thank-you";
    static final String ALREADY_SIGNED = "already-signed";
    static final String DATA_REQUEST = "data-request";

    private final MailTemplates templates;
    private final Deliveries deliveries;
    private final CampaignDirectory campaigns;

    TransactionalMails(MailTemplates templates, Deliveries deliveries, CampaignDirectory campaigns) {
        this.templates = templates;
        this.deliveries = deliveries;
        this.campaigns = campaigns;
    }

    /** @param subscribed whether the signer is now subscribed to updates (the mail says so) */
    public void thankYou(PledgeVerified verified, String eventId, boolean subscribed) {
        Mail mail = templates.render(THANK_YOU, verified.locale(), verified.email(), Map.of(
                "name", verified.name(),
                "campaignTitle", campaigns.titleOf(verified.campaignId()),
                "updatesNote", subscribed
                        ? "You asked for updates about this campaign: we will write when there is news. Every such email has a link to unsubscribe."
                        : "We will not write to you about this campaign again unless you ask us to."));
        deliveries.request(new DeliveryRequest(eventId + ":" + THANK_YOU, THANK_YOU, verified.signatureId(), mail, null,
                verified.occurredAt()));
    }

    /** {@code signer-data-requested.v1}: the links to the export and to erasure, made by pledge-service. */
    @Component
    static class DataRequests implements EventHandler<SignerDataRequested> {

        private final MailTemplates templates;
        private final Deliveries deliveries;
        private final RecipientKeys keys;

        DataRequests(MailTemplates templates, Deliveries deliveries, RecipientKeys keys) {
            this.templates = templates;
            this.deliveries = deliveries;
            this.keys = keys;
        }

        @Override
        public String type() {
            return SignerDataRequested.TYPE;
        }

        @Override
        public Class<SignerDataRequested> eventClass() {
            return SignerDataRequested.class;
        }

        @Override
        public void handle(SignerDataRequested requested, String eventId) {
            Mail mail = templates.render(DATA_REQUEST, requested.locale(), requested.email(),
                    Map.of("exportUrl", requested.exportUrl(), "eraseUrl", requested.eraseUrl()));
            deliveries.request(new DeliveryRequest(eventId + ":" + DATA_REQUEST, DATA_REQUEST, eventId, mail, null,
                    requested.occurredAt(), false, null, keys.idOf(requested.email())));
        }
    }

    @Override
    public String type() {
        return PledgeSignedAgain.TYPE;
    }

    @Override
    public Class<PledgeSignedAgain> eventClass() {
        return PledgeSignedAgain.class;
    }

    @Override
    public void handle(PledgeSignedAgain again, String eventId) {
        Map<String, String> variables = new HashMap<>();
        variables.put("name", again.name());
        variables.put("campaignTitle", again.campaignTitle());
        switch (again.status()) {
            case "pending" -> {
                variables.put("statusNote", "Your signature is not confirmed yet. Confirm it with this fresh link:");
                variables.put("actionLabel", "Confirm my signature");
                variables.put("actionUrl", again.verificationUrl().orElseThrow());
            }
            case "verified" -> {
                variables.put("statusNote", "Your signature is confirmed and counts. If you want to take it back, you can:");
                variables.put("actionLabel", "Withdraw my signature");
                variables.put("actionUrl", again.withdrawUrl().orElse(""));
            }
            default -> {
                variables.put("statusNote", "You withdrew this signature earlier. It stays withdrawn.");
                variables.put("actionLabel", "The campaign");
                variables.put("actionUrl", "");
            }
        }
        Mail mail = templates.render(ALREADY_SIGNED, again.locale(), again.email(), variables);
        deliveries.request(new DeliveryRequest(eventId + ":" + ALREADY_SIGNED, ALREADY_SIGNED, again.signatureId(), mail,
                null, again.occurredAt()));
    }
}
