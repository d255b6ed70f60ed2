package org.pledgeworks.campaign.opportunities;

import java.time.Instant;
import java.util.List;

import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.opportunities.Opportunity.Contact;
import org.pledgeworks.campaign.opportunities.Opportunity.Place;
import org.pledgeworks.campaign.system.Markdown;

/**
 * The public face of an opportunity: the public API's response and the {@code opportunity} of its
 * published and revised events, one record so that the two cannot drift. Its changes are therefore
 * contract changes, additive only. The description leaves rendered and sanitised, never as the source.
 */
record OpportunityView(String opportunityId, String campaignSlug, String postingOrganisation, String status,
        String title, String descriptionHtml, String descriptionText, List<String> skills, String timeCommitment,
        boolean remote, Place place, Instant startsAt, Instant endsAt, int peopleWanted, Contact contact,
        Instant publishedAt, Instant closedAt, String url) {

    static OpportunityView of(Opportunity o, Campaign campaign, String publicBaseUrl) {
        Opportunity.Details d = o.details();
        return new OpportunityView(o.id(), campaign.slug(), o.postingOrganisation(), o.status().wire(), d.title(),
                Markdown.toHtml(d.description()), Markdown.toText(d.description()), d.skills(), d.timeCommitment(),
                d.remote(), d.place(), d.startsAt(), d.endsAt(), d.peopleWanted(), d.contact(), o.publishedAt(),
                o.closedAt(), url(campaign, o.id(), publicBaseUrl));
    }

    /** The campaign page's anchor for it, until the opportunity has a page of its own. */
    static String url(Campaign campaign, String opportunityId, String publicBaseUrl) {
        return campaign.pageUrl(publicBaseUrl, "opportunity-" + opportunityId);
    }
}
