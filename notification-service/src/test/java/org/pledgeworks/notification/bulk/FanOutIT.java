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

    /** The service's own heap during a fan-out: queues of 2,000, Kafka batches of 500, in-flight mail. */
    private static final long WORKING_SET_CEILING = 96L << 20;

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
        // -Dfanout.subscribers=100000 for the issue's size. The default is small because the shared 2-core build
        // box ran at a load of 20-50 (20,000 did not finish in 4 minutes there); the heap check does not depend on it
        int subscribers = Integer.getInteger("fanout.subscribers", 3_000);
        String campaign = "c-scale-" + unique();
        seed(campaign, subscribers);
        long baseline = retainedHeap();
        CampaignEventMother milestone = CampaignEventMother.aMilestone(campaign);
        HeapSampler sampler = new HeapSampler(() -> stats.counts(milestone.messageId()).get("queued"));
        long start = System.nanoTime();

        milestone.publish();

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> stats.counts(milestone.messageId()).get("sent") >= subscribers);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<long[]> samples = sampler.stop();
        assertEveryoneMailedOnce(campaign, subscribers);
        assertThat(stats.counts(milestone.messageId()).get("queued")).isEqualTo(subscribers);
        assertThat(deliveries().countDocuments(and(eq("messageRef", milestone.messageId()), eq("status", "SENT"))))
                .isEqualTo(subscribers);

        // What one recipient's record costs the in-process database and the fake provider (both hold one per
        // recipient by design, neither is the service): measured by dropping this run's records.
        long withData = retainedHeap();
        deliveries().deleteMany(eq("messageRef", milestone.messageId()));
        provider.forget(to -> to.endsWith("@" + campaign + ".example"), key -> key.startsWith(milestone.messageId()));
        long afterRun = retainedHeap();
        double perRecipient = Math.max(0, withData - afterRun) / (double) subscribers;
        long serviceGrowth = afterRun - baseline;
        // During the run: what the heap held beyond the baseline and the records written so far = the service's
        // working set (queues, batches, Kafka buffers, in-flight mail). Flat means: a fixed ceiling, whatever N.
        long peakWorkingSet = 0;
        for (long[] sample : samples) {
            peakWorkingSet = Math.max(peakWorkingSet, sample[0] - baseline - (long) (perRecipient * sample[1]));
        }
        log.info("Fan-out of {} in {} s ({} mails/s); heap after GC: baseline {} MB, with the run's data {} MB "
                + "({} bytes a recipient in database + fake), after dropping it {} MB; {} samples during the run, "
                + "peak working set {} MB", subscribers, String.format("%.1f", seconds), (int) (subscribers / seconds),
                baseline >> 20, withData >> 20, (long) perRecipient, afterRun >> 20, samples.size(),
                peakWorkingSet >> 20);
        assertThat(samples).as("heap samples taken during the fan-out").isNotEmpty();
        assertThat(peakWorkingSet).as("service's working set during the fan-out").isLessThan(WORKING_SET_CEILING);
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

    /**
     * Every second during the run: used heap after a full GC, and how many deliveries existed then (the
     * records the database holds by design). A heap that followed the list size would show here.
     */
    private static final class HeapSampler {

        private final List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        HeapSampler(java.util.function.LongSupplier recordsSoFar) {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(1_000);
                        long records = recordsSoFar.getAsLong();
                        System.gc();
                        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        // the records are counted before the GC: records written meanwhile count as working set
                        samples.add(new long[] { used, records });
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        List<long[]> stop() {
            thread.interrupt();
            try {
                thread.join(5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ArrayList<>(samples);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
