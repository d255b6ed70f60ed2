package org.pledgeworks.campaign.campaigns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A campaign as this service stores it ({@link CampaignRepository} alone maps it to and from BSON).
 *
 * @param translations        locale → title, summary and pledge text in that locale
 * @param milestoneThresholds verified counts that are milestones; null for the defaults
 * @param revision            bumped by every write, so a write based on what was read can be
 *                            made conditional on nothing having changed since
 */
public record Campaign(
        String id,
        String slug,
        String title,
        String summary,
        String description,
        String pledgeText,
        int pledgeTextVersion,
        String defaultLocale,
        Map<String, Translation> translations,
        long goal,
        String ownerOrganisation,
        List<String> partnerOrganisations,
        CampaignStatus status,
        Instant startsAt,
        Instant endsAt,
        String imageUrl,
        List<Long> milestoneThresholds,
        long revision) {

    static final List<Long> DEFAULT_THRESHOLDS = List.of(100L, 1_000L, 10_000L, 100_000L);

    public record Translation(String title, String summary, String pledgeText) {
    }

    /** Owner first, then partners: everyone on the campaign. */
    public List<String> organisations() {
        List<String> all = new ArrayList<>();
        all.add(ownerOrganisation);
        all.addAll(partnerOrganisations);
        return all;
    }

    /** The milestones: the configured (or default) thresholds and the goal, ascending, without duplicates. */
    public List<Long> thresholds() {
        TreeSet<Long> all = new TreeSet<>(milestoneThresholds == null ? DEFAULT_THRESHOLDS : milestoneThresholds);
        all.add(goal);
        return List.copyOf(all);
    }

    public boolean isPublic() {
        return status != CampaignStatus.DRAFT;
    }

    /**
     * The campaign's public page, which the gateway serves at {@code /campaigns/{slug}}: where links in
     * events and feeds lead. A slug is lower-case letters, digits and hyphens ({@link CampaignInput#SLUG}),
     * so it goes into the path as it is.
     */
    public String pageUrl(String publicBaseUrl) {
        return publicBaseUrl + "/campaigns/" + slug;
    }

    /** A place on the campaign's page: {@code anchor} is the id of the element there, e.g. {@code update-u-1}. */
    public String pageUrl(String publicBaseUrl, String anchor) {
        return pageUrl(publicBaseUrl) + "#" + anchor;
    }
}
