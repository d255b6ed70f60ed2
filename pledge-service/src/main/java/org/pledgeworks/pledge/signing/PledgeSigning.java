package org.pledgeworks.pledge.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.pledgeworks.pledge.abuse.AbuseScreen;
import org.pledgeworks.pledge.abuse.QuarantineReason;
import org.pledgeworks.pledge.campaigns.CampaignCopies;
import org.pledgeworks.pledge.campaigns.CampaignNotFoundException;
import org.pledgeworks.pledge.campaigns.CampaignNotOpenException;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.pledge.links.SignerLinks;
import org.pledgeworks.pledge.signatures.EmailAddresses;
import org.pledgeworks.pledge.signatures.SignatureStatus;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.pledgeworks.pledge.links.VerificationLinks.VerificationLink;

import org.springframework.stereotype.Service;

/** Takes a signature: one per person and campaign, pending until the signer confirms by email. */
@Service
class PledgeSigning {

    private final CampaignCopies campaigns;
    private final Signatures signatures;
    private final SignerLinks links;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final AbuseScreen abuse;
    private final PledgeServiceProperties properties;
    private final Clock clock;

    PledgeSigning(CampaignCopies campaigns, Signatures signatures, SignerLinks links, EventSerializer events,
            OutboxRelay relay, AbuseScreen abuse, PledgeServiceProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.signatures = signatures;
        this.links = links;
        this.events = events;
        this.relay = relay;
        this.abuse = abuse;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Signs, or tells the existing signer by mail that they had signed already: the caller answers
     * both the same way, so the API never tells who has signed. A suspicious signature is stored in
     * quarantine, also answered the same way.
     */
    void sign(String slug, SignPledgeRequest request, String ipHash) {
        OpenCampaign campaign = openCampaign(slug);
        Instant now = clock.instant();
        String signatureId = UUID.randomUUID().toString();
        String email = request.email().strip();
        String emailKey = EmailAddresses.normalise(email);
        String domain = EmailAddresses.domain(emailKey);
        String locale = request.locale() != null ? request.locale() : campaign.defaultLocale();
        Optional<QuarantineReason> quarantine = abuse.screen(ipHash, domain, request.honeypotFilled());
        VerificationLink link = links.verification(signatureId, now);

        Document signature = new Document("_id", signatureId)
                .append("campaignId", campaign.campaignId())
                .append("campaignSlug", campaign.slug())
                .append("name", request.trimmedName())
                .append("email", email)
                .append("emailKey", emailKey)
                .append("emailDomain", domain)
                .append("country", request.country())
                .append("postalCode", request.normalisedPostalCode())
                .append("locale", locale)
                .append("consentToUpdates", request.consents())
                .append("pledgeTextVersion", campaign.pledgeTextVersion())
                .append("status", SignatureStatus.PENDING.name())
                .append("counts", false)
                .append("ipHash", ipHash)
                .append("createdAt", Date.from(now))
                .append("purgeAt", Date.from(now.plus(properties.purge().pendingAfter())))
                .append("resends", 0)
                .append("repeats", 0)
                .append("version", 0);
        if (request.source() != null && !request.source().toDocument().isEmpty()) {
            signature.append("source", request.source().toDocument());
        }
        if (request.consents()) {
            signature.append("consentWording", properties.consent().wording());
        }
        quarantine.ifPresent(reason -> signature.append("review", "QUARANTINED")
                .append("reviewReason", reason.code()).append("reviewedAt", Date.from(now)));
        List<PendingEvent> caused = List.of();
        if (quarantine.map(QuarantineReason::mailed).orElse(true)) {
            PledgeSigned signed = new PledgeSigned(UUID.randomUUID(), now, signatureId, campaign.campaignId(),
                    campaign.slug(), campaign.title(), request.trimmedName(), email, request.country(), locale,
                    request.consents(), campaign.pledgeTextVersion(), link.url(), link.expiresAt(),
                    links.withdraw(signatureId, now), ipHash);
            caused = List.of(events.pending("pledges", PledgeSigned.TYPE, signatureId, signed.eventId(), signed));
        }
        if (signatures.insert(signature, caused)) {
            relay.publish(Signatures.COLLECTION, signatureId, caused);
        }
        else {
            signedAgain(campaign, emailKey, email, request.locale(), now);
        }
    }

    /**
     * The existing signature gets a {@code pledge-signed-again} event (in one write on it), up to the
     * repeat limit, so a form cannot be used to flood someone's inbox.
     */
    private void signedAgain(OpenCampaign campaign, String emailKey, String typedEmail, String locale, Instant now) {
        signatures.byCampaignAndEmail(campaign.campaignId(), emailKey).ifPresent(existing -> {
            String signatureId = existing.getString("_id");
            List<PendingEvent> caused = new java.util.ArrayList<>();
            signatures.change(signatureId, current -> {
                if (!mailable(current) || current.getInteger("repeats", 0) >= properties.signing().repeatMailLimit()) {
                    return Optional.empty();
                }
                SignatureStatus status = SignatureStatus.valueOf(current.getString("status"));
                PledgeSignedAgain again = new PledgeSignedAgain(UUID.randomUUID(), now, signatureId,
                        campaign.campaignId(), campaign.slug(), campaign.title(), current.getString("name"),
                        typedEmail, locale != null ? locale : current.getString("locale"),
                        status.name().toLowerCase(java.util.Locale.ROOT),
                        status == SignatureStatus.PENDING ? links.verification(signatureId, now).url() : null,
                        status == SignatureStatus.WITHDRAWN ? null : links.withdraw(signatureId, now));
                caused.clear();
                caused.add(events.pending("pledges", PledgeSignedAgain.TYPE, signatureId, again.eventId(), again));
                return Optional.of(new Signatures.Change(List.of(Updates.inc("repeats", 1)), List.copyOf(caused)));
            }).ifPresent(after -> relay.publish(Signatures.COLLECTION, signatureId, List.copyOf(caused)));
        });
    }

    /**
     * Sends the verification mail again: a fresh {@code pledge-signed} with a new event id (which is
     * what makes notification-service mail again), for a pending signature, at most the resend limit.
     * Anything else (no such signer, verified, over the limit) does nothing, and the caller answers
     * the same way whatever happened.
     */
    void resend(String slug, String typedEmail) {
        OpenCampaign campaign = openCampaign(slug);
        Instant now = clock.instant();
        String emailKey = EmailAddresses.normalise(typedEmail);
        signatures.byCampaignAndEmail(campaign.campaignId(), emailKey).ifPresent(existing -> {
            String signatureId = existing.getString("_id");
            List<PendingEvent> caused = new java.util.ArrayList<>();
            signatures.change(signatureId, s -> {
                if (!SignatureStatus.PENDING.name().equals(s.getString("status")) || !mailable(s)
                        || s.getInteger("resends", 0) >= properties.signing().resendLimit()) {
                    return Optional.empty();
                }
                VerificationLink link = links.verification(signatureId, now);
                PledgeSigned signed = new PledgeSigned(UUID.randomUUID(), now, signatureId, campaign.campaignId(),
                        campaign.slug(), campaign.title(), s.getString("name"), s.getString("email"),
                        s.getString("country"), s.getString("locale"), s.getBoolean("consentToUpdates", false),
                        s.getInteger("pledgeTextVersion", 1), link.url(), link.expiresAt(),
                        links.withdraw(signatureId, now), s.getString("ipHash"));
                caused.clear();
                caused.add(events.pending("pledges", PledgeSigned.TYPE, signatureId, signed.eventId(), signed));
                return Optional.of(new Signatures.Change(List.of(Updates.inc("resends", 1)), List.copyOf(caused)));
            }).ifPresent(after -> relay.publish(Signatures.COLLECTION, signatureId, List.copyOf(caused)));
        });
    }

    private static boolean mailable(Document signature) {
        return signature.get("erasedAt") == null && !"INVALIDATED".equals(signature.getString("review"))
                && QuarantineReason.mailedFor(signature.getString("reviewReason"));
    }

    private OpenCampaign openCampaign(String slug) {
        OpenCampaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
        if (!campaign.open()) {
            throw new CampaignNotOpenException(slug);
        }
        return campaign;
    }
}
