package org.pledgeworks.campaign.opportunities;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.pledgeworks.campaign.campaigns.Campaign;
import org.pledgeworks.campaign.system.ConflictException;

/**
 * A volunteer opportunity as stored ({@link OpportunityRepository} alone maps it to and from BSON). Its
 * changes are methods that return the state after and the events they cause; the caller writes both in
 * one conditional write.
 *
 * @param revision counts the writes, so that a change writes only over the state it was computed from
 */
record Opportunity(String id, String campaignId, String postingOrganisation, Status status, Details details,
        Instant createdAt, String createdBy, Instant publishedAt, Instant closedAt, long revision) {

    enum Status {
        DRAFT, PUBLISHED, CLOSED, FILLED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What staff write. {@code description} is the Markdown source; it is rendered and sanitised only
     * when shown, so a better sanitiser later applies to everything already written.
     *
     * @param place   where, or null for remote only; remote with a place is a hybrid opportunity
     * @param startsAt null for "as soon as someone is found"; {@code endsAt} null for open-ended
     */
    record Details(String title, String description, List<String> skills, String timeCommitment, boolean remote,
            Place place, Instant startsAt, Instant endsAt, int peopleWanted, Contact contact) {

        Details {
            skills = List.copyOf(skills);
        }
    }

    /** @param countryCode ISO 3166-1 alpha-2, upper case */
    record Place(String address, String city, String countryCode) {
    }

    /** How people reach the posting organisation: an email address, a web page, or both. */
    record Contact(String email, String url) {
    }

    /** The state a change leads to, and the events it causes (none while a draft). */
    record Change(Opportunity after, List<OpportunityEvent> events) {
    }

    static Opportunity draft(String campaignId, String postingOrganisation, Details details, String createdBy,
            Instant now) {
        return new Opportunity("o-" + UUID.randomUUID(), campaignId, postingOrganisation, Status.DRAFT, details, now,
                createdBy, null, null, 0);
    }

    Change published(Campaign campaign, Instant now, String publicBaseUrl) {
        if (status != Status.DRAFT) {
            throw new ConflictException("Opportunity not a draft", "Only a draft can be published; this one is "
                    + status.wire() + ".");
        }
        if (!campaign.isPublic()) {
            throw new ConflictException("Campaign not published", "Publish the campaign before its opportunities.");
        }
        Opportunity after = with(Status.PUBLISHED, details, now, null);
        return new Change(after, List.of(new OpportunityPublished(UUID.randomUUID(), now, campaign.id(),
                campaign.slug(), campaign.title(), OpportunityView.of(after, campaign, publicBaseUrl))));
    }

    /** New details: a draft changes quietly; a published opportunity tells its readers. */
    Change edited(Details edited, Campaign campaign, Instant now, String publicBaseUrl) {
        return switch (status) {
            case DRAFT -> new Change(with(Status.DRAFT, edited, null, null), List.of());
            case PUBLISHED -> {
                Opportunity after = with(Status.PUBLISHED, edited, publishedAt, null);
                yield new Change(after, List.of(new OpportunityRevised(UUID.randomUUID(), now, campaign.id(),
                        campaign.slug(), campaign.title(), OpportunityView.of(after, campaign, publicBaseUrl))));
            }
            case CLOSED, FILLED -> throw new ConflictException("Opportunity " + status.wire(),
                    "A closed or filled opportunity cannot be changed.");
        };
    }

    /** No more people wanted: {@code outcome} says whether it filled or was closed for another reason. */
    Change ended(Status outcome, Campaign campaign, Instant now) {
        if (outcome != Status.CLOSED && outcome != Status.FILLED) {
            throw new IllegalArgumentException("an opportunity ends closed or filled, not " + outcome);
        }
        if (status != Status.PUBLISHED) {
            throw new ConflictException("Opportunity not published", "Only a published opportunity can be "
                    + outcome.wire() + "; this one is " + status.wire() + ".");
        }
        return new Change(with(outcome, details, publishedAt, now), List.of(new OpportunityClosed(UUID.randomUUID(),
                now, campaign.id(), campaign.slug(), id, postingOrganisation, outcome.wire())));
    }

    private Opportunity with(Status newStatus, Details newDetails, Instant newPublishedAt, Instant newClosedAt) {
        return new Opportunity(id, campaignId, postingOrganisation, newStatus, newDetails, createdAt, createdBy,
                newPublishedAt, newClosedAt, revision);
    }
}
