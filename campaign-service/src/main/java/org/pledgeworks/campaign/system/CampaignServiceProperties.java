package org.pledgeworks.campaign.system;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of campaign-service, bound from {@code pledgeworks.*} in application.yml.
 *
 * @param database the MongoDB database this service owns
 * @param demo     whether to seed and publish the demo campaign on first start
 * @param publicBaseUrl the gateway's public URL, for links in events (update and card pages)
 * @param links    the signed links mailed to people who express interest in an opportunity or RSVP to an event
 * @param rsvp     RSVPs to calendar events
 * @param interest interest in volunteer opportunities
 */
@ConfigurationProperties("pledgeworks")
public record CampaignServiceProperties(
        @DefaultValue("pledgeworks-campaigns") String database,
        @DefaultValue Demo demo,
        @DefaultValue("http://127.0.0.1:8080") String publicBaseUrl,
        @DefaultValue Links links,
        @DefaultValue Rsvp rsvp,
        @DefaultValue Interest interest) {

    /**
     * @param consentWordings the words of each version of the interest form's consent, by version; the
     *                        organisation's name stands at {@code {organisation}}. An expression of interest
     *                        naming another version is refused, and the words stored are these, never the
     *                        client's
     */
    public record Interest(Map<String, String> consentWordings) {

        public Interest {
            consentWordings = consentWordings == null ? Map.of() : Map.copyOf(consentWordings);
        }
    }

    /**
     * @param resendAfter how long an RSVP still pending waits before a repeat sends its confirmation mail again
     *                    (a form sent twice, or by someone else, must not flood the address)
     */
    public record Rsvp(@DefaultValue("PT10M") java.time.Duration resendAfter) {
    }

    /**
     * @param secret           HMAC key of the links; empty: a random one per start (links die with the process)
     * @param confirmValidity  how long a link to confirm one's interest works
     * @param withdrawValidity how long a link to withdraw it works
     */
    public record Links(@DefaultValue("") String secret, @DefaultValue("P7D") java.time.Duration confirmValidity,
            @DefaultValue("P365D") java.time.Duration withdrawValidity) {
    }

    public record Demo(@DefaultValue("true") boolean enabled) {
    }
}
