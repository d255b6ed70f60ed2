package org.pledgeworks.pledge.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.pledgeworks.pledge.abuse.AbuseScreen;
import org.pledgeworks.pledge.campaigns.CampaignCopies;
import org.pledgeworks.pledge.campaigns.CampaignNotFoundException;
import org.pledgeworks.pledge.campaigns.CampaignNotOpenException;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.links.SignerLinks;
import org.pledgeworks.pledge.links.VerificationLinks.VerificationLink;
import org.pledgeworks.pledge.referrals.ReferralCodes;
import org.pledgeworks.pledge.signatures.EmailAddresses;
import org.pledgeworks.pledge.signatures.MailLinks;
import org.pledgeworks.pledge.signatures.PersonalData;
import org.pledgeworks.pledge.signatures.QuarantineReason;
import org.pledgeworks.pledge.signatures.Signature;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.system.PledgeServiceProperties;

import org.springframework.stereotype.Service;

/** Takes a signature: one per person and campaign, pending until the signer confirms by email. */
@Service
class PledgeSigning {

    private final CampaignCopies campaigns;
    private final Signatures signatures;
    private final SignerLinks links;
    private final AbuseScreen abuse;
    private final ReferralCodes referralCodes;
    private final PledgeServiceProperties properties;
    private final Clock clock;

    PledgeSigning(CampaignCopies campaigns, Signatures signatures, SignerLinks links, AbuseScreen abuse,
            ReferralCodes referralCodes, PledgeServiceProperties properties, Clock clock) {
        this.campaigns = campaigns;
        this.signatures = signatures;
        this.links = links;
        this.abuse = abuse;
        this.referralCodes = referralCodes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Signs, or tells the existing signer by mail that they had signed already: the caller answers
     * both the same way, so the API never tells who has signed. A suspicious signature is stored in
     * quarantine, also answered the same way.
     *
     * @return the signer's referral code for this campaign, the same whether or not they had signed
     */
    String sign(String slug, SignPledgeRequest request, String ipHash) {
        OpenCampaign campaign = openCampaign(slug);
        Instant now = clock.instant();
        String signatureId = UUID.randomUUID().toString();
        String email = request.email().strip();
        String emailKey = EmailAddresses.normalise(email);
        String domain = EmailAddresses.domain(emailKey);
        String locale = request.locale() != null ? request.locale() : campaign.defaultLocale();
        Optional<QuarantineReason> quarantine = abuse.screen(ipHash, domain, request.honeypotFilled());
        PersonalData signer = new PersonalData(request.trimmedName(), email, domain, request.normalisedPostalCode(),
                locale, request.consents(), ipHash, request.source() == null ? Map.of() : request.source().values());
        Signature signature = Signature.pending(signatureId, campaign.campaignId(), campaign.slug(), emailKey, signer,
                request.country(), campaign.pledgeTextVersion(),
                request.consents() ? properties.consent().wording() : null, quarantine, now,
                now.plus(properties.purge().pendingAfter()));
        if (!signatures.insert(signature.signed(campaign.title(), mailLinks(signatureId, now)))) {
            signedAgain(campaign, emailKey, email, request.locale(), now);
        }
        return referralCodes.of(campaign.campaignId(), emailKey);
    }

    /** The existing signature gets a {@code pledge-signed-again} event, up to the repeat limit. */
    private void signedAgain(OpenCampaign campaign, String emailKey, String typedEmail, String locale, Instant now) {
        signatures.byCampaignAndEmail(campaign.campaignId(), emailKey).ifPresent(existing -> signatures.change(
                existing.id(), current -> current.signedAgain(now, campaign.slug(), campaign.title(), typedEmail,
                        locale, mailLinks(current.id(), now), properties.signing().repeatMailLimit())));
    }

    /**
     * Sends the verification mail again, for a pending signature, at most the resend limit. Anything
     * else (no such signer, verified, over the limit) does nothing, and the caller answers the same way
     * whatever happened.
     */
    void resend(String slug, String typedEmail) {
        OpenCampaign campaign = openCampaign(slug);
        Instant now = clock.instant();
        String emailKey = EmailAddresses.normalise(typedEmail);
        signatures.byCampaignAndEmail(campaign.campaignId(), emailKey).ifPresent(existing -> signatures.change(
                existing.id(), current -> current.resend(now, campaign.slug(), campaign.title(),
                        mailLinks(current.id(), now), properties.signing().resendLimit())));
    }

    private MailLinks mailLinks(String signatureId, Instant now) {
        VerificationLink link = links.verification(signatureId, now);
        return new MailLinks(link.url(), link.expiresAt(), links.withdraw(signatureId, now));
    }

    private OpenCampaign openCampaign(String slug) {
        OpenCampaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
        if (!campaign.open()) {
            throw new CampaignNotOpenException(slug);
        }
        return campaign;
    }
}
