package org.pledgeworks.notification.bulk;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.pledgeworks.notification.support.CampaignEventMother;
import org.pledgeworks.notification.support.FakeProvider;
import org.pledgeworks.notification.support.ServiceIT;
import org.pledgeworks.notification.support.TestInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Fan-out at scale, through the real path: subscriptions in MongoDB, one record per recipient on
 * {@code notifications}, deliveries under unique ids, batches of 500 to the HTTP provider (WireMock,
 * which counts accepted sends per address and honours idempotency keys as real providers do).
 */
class FanOutIT extends ServiceIT {

    private static final Logger log = LoggerFactory.getLogger(FanOutIT.class);

    private final FakeProvider provider = TestInfrastructure.provider();

    @Autowired
    MongoDatabase database;

    @Autowired
    DeliveryStats stats;

    @Autowired
    FanOut fanOut;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void oneMilestoneReachesManySubscribersEachOnceWithBoundedHeap() {
        // 100,000 is the target (-Dfanout.subscribers=100000); the default keeps the module's verify short on
        // a shared 2-core box: the embedded database scans the whole collection for each claim-checked update
        // of a delivery, so the send side slows down as deliveries pile up (see docs, "Known limits")
        int subscribers = Integer.getInteger("fanout.subscribers", 3_000);
        String campaign = "c-scale-" + unique();
        seed(campaign, subscribers);
        long baseline = retainedHeap();
        AtomicInteger peakMb = samplePeakHeap();
        long start = System.nanoTime();

        CampaignEventMother milestone = CampaignEventMother.aMilestone(campaign);
        milestone.publish();

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> stats.counts(milestone.messageId()).get("sent") >= subscribers);
        double seconds = (System.nanoTime() - start) / 1e9;
        peakMb.set(-peakMb.get()); // stop sampling
        assertEveryoneMailedOnce(campaign, subscribers);
        assertThat(stats.counts(milestone.messageId()).get("queued")).isEqualTo(subscribers);
        assertThat(deliveries().countDocuments(and(eq("messageRef", milestone.messageId()), eq("status", "SENT"))))
                .isEqualTo(subscribers);

        // what the service itself kept: drop what the in-process database and fake provider hold for this run
        long withData = retainedHeap();
        deliveries().deleteMany(eq("messageRef", milestone.messageId()));
        provider.acceptedByAddress().keySet().removeIf(to -> to.endsWith("@" + campaign + ".example"));
        long serviceGrowth = retainedHeap() - baseline;
        log.info("Fan-out of {} in {} s ({} mails/s); heap after GC: baseline {} MB, with the run's data {} MB, "
                + "service's own growth {} MB; sampled peak {} MB", subscribers, String.format("%.1f", seconds),
                (int) (subscribers / seconds), baseline >> 20, withData >> 20, serviceGrowth >> 20, -peakMb.get());
        assertThat(serviceGrowth).as("heap the service keeps after a fan-out").isLessThan(64L << 20);
    }

    @Test
    void aFanOutStoppedMidwayAndStartedAgainMissesNobodyAndMailsNobodyTwice() {
        int subscribers = 3_500;
        String campaign = "c-restart-" + unique();
        seed(campaign, subscribers);
        // the process "dies" right after publishing its 2nd batch (of 1,000), before checkpointing it
        fanOut.crashAfter(1);
        listeners.getListenerContainer("notifications").stop();

        CampaignEventMother update = CampaignEventMother.anUpdate(campaign);
        update.publish();

        Document stopped = await().atMost(Duration.ofSeconds(60)).until(() -> message(update.messageId()),
                m -> m != null && m.getInteger("published", 0) == 1_000 && m.getString("owner") != null);
        fanOut.stop();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> message(update.messageId()).getInteger("published", 0) == 1_000);
        assertThat(stopped.getString("status")).isEqualTo("FANNING_OUT");

        // start again: a new owner takes over once the dead one's lease (3 s here) runs out
        listeners.getListenerContainer("notifications").start();
        fanOut.start();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> stats.counts(update.messageId()).get("sent") >= subscribers);
        await().atMost(Duration.ofSeconds(10)).until(() -> "FANNED_OUT".equals(message(update.messageId()).getString("status")));
        assertThat(message(update.messageId()).getInteger("published")).isEqualTo(subscribers);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> stats.counts(update.messageId()).get("sent") == subscribers);
        assertEveryoneMailedOnce(campaign, subscribers);
        assertThat(stats.counts(update.messageId()).get("queued")).as("the republished batch was absorbed")
                .isEqualTo(subscribers);
        assertThat(count("notification.deliveries.repeated")).isGreaterThanOrEqualTo(1_000);
        // (the second batch was published twice: before the crash and after the restart)
    }

    private void assertEveryoneMailedOnce(String campaign, int subscribers) {
        List<Integer> counts = new ArrayList<>(subscribers);
        for (int i = 0; i < subscribers; i++) {
            counts.add(provider.acceptedFor(email(campaign, i)));
        }
        assertThat(counts).as("accepted sends per recipient").containsOnly(1);
    }

    /** Subscriptions as consent writes them, inserted in batches (faster than 100,000 events). */
    private void seed(String campaign, int count) {
        MongoCollection<Document> subscriptions = database.getCollection("subscriptions");
        List<Document> batch = new ArrayList<>(5_000);
        for (int i = 0; i < count; i++) {
            String recipientId = String.format("%s-%06d", campaign, i);
            batch.add(new Document("_id", campaign + ":" + recipientId).append("campaignId", campaign)
                    .append("recipientId", recipientId).append("email", email(campaign, i)).append("name", "Reader " + i)
                    .append("locale", "en").append("status", "ACTIVE"));
            if (batch.size() == 5_000) {
                subscriptions.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            subscriptions.insertMany(batch);
        }
    }

    private static String email(String campaign, int i) {
        return "r" + i + "@" + campaign + ".example";
    }

    private Document message(String id) {
        return database.getCollection("messages").find(Filters.eq("_id", id)).first();
    }

    private MongoCollection<Document> deliveries() {
        return database.getCollection("deliveries");
    }

    private static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples used heap every 100 ms until the value is negated; only logged (it counts garbage too). */
    private static AtomicInteger samplePeakHeap() {
        AtomicInteger peak = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (peak.get() >= 0) {
                int used = (int) (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
                peak.accumulateAndGet(used, (a, b) -> a < 0 ? a : Math.max(a, b));
                try {
                    Thread.sleep(100);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        return peak;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
