package org.pledgeworks.notification.bulk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.pledgeworks.kit.events.EventHandler;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The campaign events that become bulk mail. Each writes its message once ({@code <eventId>:<kind>}:
 * a replay writes nothing) and wakes the fan-out; the listener returns at once, whatever the list's size.
 */
class BulkEvents {

    static final String UPDATE = "campaign-update";
    static final String MILESTONE = "milestone";
    static final String PROGRESS = "progress";

    private static final Logger log = LoggerFactory.getLogger(BulkEvents.class);

    private BulkEvents() {
    }

    /** Shared by the three handlers. */
    @Component
    static class Messages {

        private final BulkMessages messages;
        private final FanOut fanOut;
        private final CampaignDirectory campaigns;
        private final DeliveryStats stats;
        private final Clock clock;

        Messages(BulkMessages messages, FanOut fanOut, CampaignDirectory campaigns, DeliveryStats stats, Clock clock) {
            this.messages = messages;
            this.fanOut = fanOut;
            this.campaigns = campaigns;
            this.stats = stats;
            this.clock = clock;
        }

        void create(String eventId, String kind, String campaignId, String campaignSlug, String campaignTitle,
                java.time.Instant occurredAt, String locale, Document variables, List<Document> variants) {
            campaigns.remember(campaignId, campaignSlug, campaignTitle);
            String id = eventId + ":" + kind;
            Document message = new Document("_id", id).append("kind", kind).append("campaignId", campaignId)
                    .append("campaignTitle", campaignTitle).append("occurredAt", Date.from(occurredAt))
                    .append("locale", locale).append("variables", variables).append("variants", variants)
                    .append("status", BulkMessages.FANNING_OUT).append("checkpoint", null).append("published", 0)
                    .append("createdAt", Date.from(clock.instant()));
            if (messages.create(message)) {
                stats.add(id, java.util.Map.of("queued", 0));
                log.info("Bulk message {} created for campaign {}", id, campaignId);
                fanOut.wake();
            }
            else {
                log.info("Bulk message {} exists already: event redelivered or replayed", id);
            }
        }
    }

    @Component
    static class Update implements EventHandler<CampaignUpdatePublished> {

        private final Messages messages;

        Update(Messages messages) {
            this.messages = messages;
        }

        @Override
        public String type() {
            return CampaignUpdatePublished.TYPE;
        }

        @Override
        public Class<CampaignUpdatePublished> eventClass() {
            return CampaignUpdatePublished.class;
        }

        @Override
        public void handle(CampaignUpdatePublished e, String eventId) {
            List<Document> variants = new ArrayList<>();
            for (CampaignUpdatePublished.Variant v : e.variants()) {
                variants.add(new Document("locale", v.locale()).append("variables", new Document("title", v.title())
                        .append("bodyHtml", v.bodyHtml()).append("bodyText", v.bodyText())));
            }
            messages.create(eventId, UPDATE, e.campaignId(), e.campaignSlug(), e.campaignTitle(), e.occurredAt(),
                    e.locale(), new Document("title", e.title()).append("bodyHtml", e.bodyHtml())
                            .append("bodyText", e.bodyText()).append("url", e.url()).append("updateId", e.updateId()),
                    variants);
        }
    }

    @Component
    static class Milestone implements EventHandler<MilestoneReached> {

        private final Messages messages;

        Milestone(Messages messages) {
            this.messages = messages;
        }

        @Override
        public String type() {
            return MilestoneReached.TYPE;
        }

        @Override
        public Class<MilestoneReached> eventClass() {
            return MilestoneReached.class;
        }

        @Override
        public void handle(MilestoneReached e, String eventId) {
            messages.create(eventId, MILESTONE, e.campaignId(), e.campaignSlug(), e.campaignTitle(), e.occurredAt(),
                    null, new Document("threshold", number(e.threshold())).append("verifiedCount", number(e.verifiedCount()))
                            .append("goal", number(e.goal())), List.of());
        }
    }

    @Component
    static class Progress implements EventHandler<ProgressUpdated> {

        private final Messages messages;

        Progress(Messages messages) {
            this.messages = messages;
        }

        @Override
        public String type() {
            return ProgressUpdated.TYPE;
        }

        @Override
        public Class<ProgressUpdated> eventClass() {
            return ProgressUpdated.class;
        }

        @Override
        public void handle(ProgressUpdated e, String eventId) {
            String change = e.overallScore().map(now -> e.previousScore()
                    .map(before -> "from " + score(before) + " to " + score(now))
                    .orElse("first score " + score(now))).orElse("not scored this cycle");
            messages.create(eventId, PROGRESS, e.campaignId(), e.campaignSlug(), e.campaignTitle(), e.occurredAt(),
                    null, new Document("targetName", e.targetName()).append("cycle", e.cycle())
                            .append("scoreChange", change).append("url", e.url()), List.of());
        }
    }

    private static String number(Long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    private static String score(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ENGLISH, "%.1f", value);
    }
}
