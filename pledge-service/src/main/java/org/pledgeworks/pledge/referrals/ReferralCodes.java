package org.pledgeworks.pledge.referrals;

import org.pledgeworks.pledge.system.PrivacyHashes;

import org.springframework.stereotype.Component;

/**
 * A signer's referral code for a campaign, the {@code ref} of the links they share. The same person gets
 * the same code whether or not they signed before, so handing it out tells no one who has signed.
 */
@Component
public class ReferralCodes {

    /** What a {@code ref} may look like on the wire; ours are 11 characters of base64url. */
    public static final String PATTERN = "[A-Za-z0-9_-]{6,32}";

    private final PrivacyHashes hashes;

    ReferralCodes(PrivacyHashes hashes) {
        this.hashes = hashes;
    }

    /** @param emailKey the normalised address ({@code EmailAddresses.normalise}) */
    public String of(String campaignId, String emailKey) {
        return hashes.referralCode(campaignId, emailKey);
    }
}
