package org.pledgeworks.campaign.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of campaign-service, bound from {@code pledgeworks.*} in application.yml.
 *
 * @param database the MongoDB database this service owns
 * @param demo     whether to seed and publish the demo campaign on first start
 * @param publicBaseUrl the gateway's public URL, for links in events (update and card pages)
 */
@ConfigurationProperties("pledgeworks")
public record CampaignServiceProperties(
        @DefaultValue("pledgeworks-campaigns") String database,
        @DefaultValue Demo demo,
        @DefaultValue("http://127.0.0.1:8080") String publicBaseUrl) {

    public record Demo(@DefaultValue("true") boolean enabled) {
    }
}
