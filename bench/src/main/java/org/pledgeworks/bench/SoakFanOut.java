package org.pledgeworks.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One soak cycle's bulk half: a batch of new subscribers written with insertMany (the write run 9 lost
 * its store on), into a campaign of the cycle's own so that every fan-out goes to one batch and the
 * cycles stay the same size while the collections grow; then one update to them through the provider
 * fake, followed until every subscriber's mail is accepted or it stalls. Each cycle's tally is kept to
 * be judged at the end, when late resends would have shown as duplicates.
 */
final class SoakFanOut {

    /** A fan-out that accepts nothing new for this long is given up, and fails the soak at the end. */
    private static final Duration STALL = Duration.ofMinutes(3);

    private record Cycle(int number, String campaignId, UUID eventId, long subscribers, ProviderFake.Tally tally) {
    }

    private final String mongoUri;
    private final String kafka;
    private final String publicBase;
    private final ProviderFake fake;
    private final int batch;
    private final List<Cycle> cycles = new ArrayList<>();
    private long seeded;
    private double seedingSeconds;

    SoakFanOut(String mongoUri, String kafka, String publicBase, ProviderFake fake, int batch) {
        this.mongoUri = mongoUri;
        this.kafka = kafka;
        this.publicBase = publicBase;
        this.fake = fake;
        this.batch = batch;
    }

    /** Seeds cycle {@code number}'s subscribers, fans an update out to them; false when the fan-out stalled. */
    boolean cycle(int number, ObjectNode node) throws Exception {
        String campaignId = "c-soak-" + number;
        ObjectNode seed = new SubscriberSeeding(mongoUri, campaignId, (long) number * batch).seedTo((long) (number + 1) * batch,
                false);
        seeded += seed.get("inserted").asLong();
        seedingSeconds += seed.get("seconds").asDouble();
        node.put("seeded", seed.get("inserted").asLong());
        node.put("seedingSeconds", seed.get("seconds").asDouble());
        node.put("seedingDocumentsPerSecond", seed.get("documentsPerSecond").asLong());
        long active = seed.get("activeSubscriptionsOfTheCampaign").asLong();
        UUID eventId = UUID.randomUUID();
        ProviderFake.Tally tally = fake.tally(eventId.toString());
        cycles.add(new Cycle(number, campaignId, eventId, active, tally));
        Instant begin = Instant.now();
        CampaignUpdate.publish(kafka, publicBase, eventId, campaignId, "soak-" + number, "Soak campaign " + number);
        long last = 0;
        Instant lastProgress = begin;
        while (tally.accepted.get() < active) {
            Thread.sleep(1000);
            long now = tally.accepted.get();
            if (now > last) {
                last = now;
                lastProgress = Instant.now();
            } else if (Duration.between(lastProgress, Instant.now()).compareTo(STALL) > 0) {
                break;
            }
        }
        node.put("fanOutSubscribers", active);
        node.put("fanOutAccepted", tally.accepted.get());
        node.put("fanOutSeconds", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        node.put("emailsPerSecond", Math.round(tally.rate()));
        return tally.accepted.get() >= active;
    }

    long seeded() {
        return seeded;
    }

    /**
     * Every cycle's recipients each accepted exactly once: the count per update equals its subscribers and
     * no (delivery, recipient) pair came twice. Problems are added to {@code problems}.
     */
    ObjectNode judge(List<String> problems) {
        ObjectNode node = RunReport.JSON.createObjectNode();
        long expected = 0;
        long accepted = 0;
        long duplicates = 0;
        ArrayNode incomplete = node.putArray("incomplete");
        for (Cycle c : cycles) {
            expected += c.subscribers();
            accepted += c.tally().accepted.get();
            duplicates += c.tally().duplicates.get();
            if (c.tally().accepted.get() != c.subscribers() || c.tally().duplicates.get() > 0) {
                ObjectNode bad = incomplete.addObject();
                bad.put("cycle", c.number());
                bad.put("campaignId", c.campaignId());
                bad.put("eventId", c.eventId().toString());
                bad.put("subscribers", c.subscribers());
                bad.put("accepted", c.tally().accepted.get());
                bad.put("duplicates", c.tally().duplicates.get());
                problems.add(String.format("cycle %d's fan-out (%s): %d of %d subscribers' mails accepted, %d duplicates",
                        c.number(), c.eventId(), c.tally().accepted.get(), c.subscribers(), c.tally().duplicates.get()));
            }
        }
        node.put("updates", cycles.size());
        node.put("subscribersSeeded", seeded);
        node.put("seedingSeconds", Math.round(seedingSeconds));
        node.put("mailsExpected", expected);
        node.put("mailsAccepted", accepted);
        node.put("duplicates", duplicates);
        node.put("providerDuplicatesAllTime", fake.duplicates());
        node.put("providerRefusedCalls", fake.refused());
        node.put("eachRecipientOnce", incomplete.isEmpty());
        return node;
    }
}
