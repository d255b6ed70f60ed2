package org.pledgeworks.pledge.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.pledgeworks.pledge.campaigns.CampaignCopies;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.outbox.EventSerializer;
import org.pledgeworks.pledge.outbox.OutboxRelay;
import org.pledgeworks.pledge.outbox.PendingEvent;
import org.pledgeworks.pledge.verification.VerificationLinks;
import org.pledgeworks.pledge.verification.VerificationLinks.VerificationLink;

import org.springframework.stereotype.Service;

/** Takes a signature: one per person and campaign, pending until the signer confirms by email. */
@Service
class PledgeSigning {

    private final CampaignCopies campaigns;
    private final Signatures signatures;
    private final VerificationLinks links;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final Clock clock;

    PledgeSigning(CampaignCopies campaigns, Signatures signatures, VerificationLinks links, EventSerializer events,
            OutboxRelay relay, Clock clock) {
        this.campaigns = campaigns;
        this.signatures = signatures;
        this.links = links;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Signs, or does nothing visible when this person has signed already: the caller answers both the
     * same way, so the API never tells who has signed.
     */
    void sign(String slug, SignPledgeRequest request) {
        OpenCampaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
        if (!campaign.open()) {
            throw new CampaignNotOpenException(slug);
        }
        Instant now = clock.instant();
        String signatureId = UUID.randomUUID().toString();
        String email = request.email().trim();
        String emailKey = EmailAddresses.normalise(email);
        String locale = request.locale() != null ? request.locale() : campaign.defaultLocale();
        VerificationLink link = links.create(signatureId, now);

        Document signature = new Document("_id", signatureId)
                .append("campaignId", campaign.campaignId())
                .append("campaignSlug", campaign.slug())
                .append("name", request.trimmedName())
                .append("email", email)
                .append("emailKey", emailKey)
                .append("emailDomain", EmailAddresses.domain(emailKey))
                .append("country", request.country())
                .append("locale", locale)
                .append("consentToUpdates", request.consents())
                .append("pledgeTextVersion", campaign.pledgeTextVersion())
                .append("status", SignatureStatus.PENDING.name())
                .append("createdAt", Date.from(now));
        PledgeSigned signed = new PledgeSigned(UUID.randomUUID(), now, signatureId, campaign.campaignId(),
                campaign.slug(), campaign.title(), request.trimmedName(), email, request.country(), locale,
                request.consents(), campaign.pledgeTextVersion(), link.url(), link.expiresAt());
        List<PendingEvent> caused = List.of(
                events.pending("pledges", PledgeSigned.TYPE, signatureId, signed.eventId(), signed));
        if (signatures.insert(signature, caused)) {
            relay.publish(Signatures.COLLECTION, signatureId, caused);
        }
    }
}
