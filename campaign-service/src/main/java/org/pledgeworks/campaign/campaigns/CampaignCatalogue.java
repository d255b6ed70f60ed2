package org.pledgeworks.campaign.campaigns;

import java.time.Clock;
import java.util.List;

import org.pledgeworks.campaign.outbox.EventSerializer;
import org.pledgeworks.campaign.outbox.OutboxRelay;
import org.pledgeworks.campaign.outbox.PendingEvent;

import org.springframework.stereotype.Service;

/** Creating, publishing and finding campaigns. */
@Service
class CampaignCatalogue {

    private static final String TOPIC = "campaigns";

    private final CampaignRepository repository;
    private final EventSerializer events;
    private final OutboxRelay relay;
    private final Clock clock;

    CampaignCatalogue(CampaignRepository repository, EventSerializer events, OutboxRelay relay, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Creates an open campaign and publishes {@code campaign-published}.
     *
     * @return false when a campaign with this id or slug exists already
     */
    boolean createOpen(Campaign campaign) {
        CampaignPublished published = CampaignPublished.of(campaign, clock.instant());
        List<PendingEvent> caused = List.of(
                events.pending(TOPIC, CampaignPublished.TYPE, campaign.id(), published.eventId(), published));
        if (!repository.insert(campaign, caused)) {
            return false;
        }
        relay.publish(CampaignRepository.COLLECTION, campaign.id(), caused);
        return true;
    }

    Campaign publishedBySlug(String slug) {
        return repository.findPublishedBySlug(slug).orElseThrow(() -> new CampaignNotFoundException(slug));
    }

    List<Campaign> open(int page, int size) {
        return repository.findOpen(page, size);
    }

    long countOpen() {
        return repository.countOpen();
    }
}
