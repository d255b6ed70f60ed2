package org.pledgeworks.pledge.staff;

import java.util.Map;
import java.util.Set;

import org.pledgeworks.pledge.campaigns.CampaignCopies;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.campaigns.CampaignNotFoundException;
import org.pledgeworks.pledge.system.NotPermittedException;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Object-level authorisation for staff endpoints: a valid token is not enough, the holder needs one
 * of the required roles in one of this campaign's organisations (owner or partner), whatever
 * campaign they ask for.
 */
@Component
public class CampaignStaff {

    public static final Set<String> REVIEWERS = Set.of("admin", "editor");
    public static final Set<String> ADMINS = Set.of("admin");
    /** Every role: for figures that hold no one's personal data. */
    public static final Set<String> ANY_ROLE = Set.of("admin", "editor", "viewer");

    private final CampaignCopies campaigns;

    CampaignStaff(CampaignCopies campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * @return the campaign, when {@code staff} holds one of {@code roles} in one of its organisations
     * @throws CampaignNotFoundException when no campaign has this slug (404)
     * @throws NotPermittedException     otherwise (403), with {@code refusal} as the detail
     */
    public OpenCampaign authorise(String slug, Jwt staff, Set<String> roles, String refusal) {
        OpenCampaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
        Object claim = staff.getClaims().get("organisations");
        Map<?, ?> held = claim instanceof Map<?, ?> map ? map : Map.of();
        boolean allowed = campaign.organisations().stream()
                .map(held::get)
                .anyMatch(role -> role instanceof String name && roles.contains(name));
        if (!allowed) {
            throw new NotPermittedException(refusal);
        }
        return campaign;
    }
}
