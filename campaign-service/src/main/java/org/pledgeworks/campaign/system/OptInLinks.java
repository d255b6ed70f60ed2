package org.pledgeworks.campaign.system;

import java.time.Duration;
import java.time.Instant;

import org.pledgeworks.kit.links.SignedLinks;
import org.pledgeworks.kit.links.SignedLinks.Check;
import org.pledgeworks.kit.links.SignedLinks.Link;

/**
 * The two signed, expiring links of a double opt-in's mails (the kit's {@link SignedLinks}, keyed like
 * pledge-service's by {@code PLEDGEWORKS_TOKEN_SECRET}): one confirms, for {@code links.confirm-validity};
 * the other takes it back (withdraw, cancel), for {@code links.withdraw-validity}. Each purpose is signed,
 * so a confirm link never takes back and the reverse; the subject is the id, a hash, so a link carries no
 * personal data. Interest and RSVPs each keep theirs, with their own purposes and paths.
 */
public class OptInLinks {

    private final SignedLinks links;
    private final String confirmPurpose;
    private final String confirmPath;
    private final String takeBackPurpose;
    private final String takeBackPath;
    private final Duration confirmValidity;
    private final Duration takeBackValidity;

    protected OptInLinks(CampaignServiceProperties properties, String confirmPurpose, String confirmPath,
            String takeBackPurpose, String takeBackPath) {
        this.links = new SignedLinks(properties.links().secret(), properties.publicBaseUrl());
        this.confirmPurpose = confirmPurpose;
        this.confirmPath = confirmPath;
        this.takeBackPurpose = takeBackPurpose;
        this.takeBackPath = takeBackPath;
        this.confirmValidity = properties.links().confirmValidity();
        this.takeBackValidity = properties.links().withdrawValidity();
    }

    public Link confirm(String subject, Instant now) {
        return links.create(confirmPurpose, confirmPath, subject, now, confirmValidity);
    }

    protected Link takeBack(String subject, Instant now) {
        return links.create(takeBackPurpose, takeBackPath, subject, now, takeBackValidity);
    }

    public Check check(String purpose, String token, Instant now) {
        return links.check(purpose, token, now);
    }
}
