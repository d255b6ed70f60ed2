package org.pledgeworks.campaign.milestones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** The verified count and its milestones, from pledge-service's events: exactly once, also under replay. */
class MilestonesIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";
    private static final String GROUP = "campaign-service";

    @Autowired
    PledgeEvents listener;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    Tally tally;

    @Test
    void theContractExamplesOfPledgeServiceAreCountedOnceEach() {
        long before = tally.count("c-demo-forced-labour");
        // as pledge-service would send them today: each example's instants moved to the test clock
        String verified = EventContract.exampleNow("pledges/pledge-verified.v1");
        String withdrawn = EventContract.exampleNow("pledges/pledge-withdrawn.v1");

        listener.on(record("pledge-verified.v1", verified));
        listener.on(record("pledge-verified.v1", verified));
        assertThat(tally.count("c-demo-forced-labour")).isEqualTo(before + 1);

        listener.on(record("pledge-withdrawn.v1", withdrawn));
        listener.on(record("pledge-withdrawn.v1", withdrawn));
        assertThat(tally.count("c-demo-forced-labour")).isEqualTo(before);

        // once withdrawn, a replayed verification does not count it again
        listener.on(record("pledge-verified.v1", verified));
        assertThat(tally.count("c-demo-forced-labour")).isEqualTo(before);
    }

    @Test
    void aSignatureHeldInQuarantineCountsOnlyOnceReleasedAsThePledgeServiceCountDoes() {
        String releasedExample = EventContract.exampleNow("pledges/pledge-released.v1");
        JsonNode release = json.readTree(releasedExample);
        String campaignId = release.get("campaignId").asString();
        String signatureId = release.get("signatureId").asString();
        long before = tally.count(campaignId);

        ObjectNode heldVerification = (ObjectNode) json.readTree(EventContract.exampleNow("pledges/pledge-verified.v1"));
        heldVerification.put("eventId", id()).put("signatureId", signatureId).put("counted", false);
        listener.on(record("pledge-verified.v1", heldVerification.toString()));
        assertThat(tally.count(campaignId)).as("held: not counted").isEqualTo(before);

        listener.on(record("pledge-released.v1", releasedExample));
        listener.on(record("pledge-released.v1", releasedExample));
        listener.on(record("pledge-verified.v1", heldVerification.toString()));
        assertThat(tally.count(campaignId)).as("released: counted once, also when redelivered").isEqualTo(before + 1);

        // a verification without the field (from before it existed) counts, as the contract says
        ObjectNode older = (ObjectNode) json.readTree(EventContract.exampleNow("pledges/pledge-verified.v1"));
        older.remove("counted");
        older.put("eventId", id()).put("signatureId", id());
        listener.on(record("pledge-verified.v1", older.toString()));
        assertThat(tally.count(campaignId)).isEqualTo(before + 2);
    }

    @Test
    void anUnreadableEventIsDeadLetteredAndTheRestFlow() {
        String key = "poison-" + UUID.randomUUID();
        KafkaProbe.publishEvent("pledges", key, "pledge-verified.v1", "{this is not json");

        ConsumerRecord<String, String> dead = KafkaProbe.awaitRecord("pledges.dlt", r -> key.equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(dead.value()).isEqualTo("{this is not json");
    }

    @Test
    void eachMilestoneIsAnnouncedOnceAlsoWhenTheWholePledgesTopicIsReplayed() throws Exception {
        Map<String, Object> draft = CampaignMother.draft();
        draft.put("goal", 4);
        draft.put("milestoneThresholds", List.of(2, 3));
        String admin = CampaignMother.ownerAdmin();
        String campaignId = read(post("/api/staff/campaigns", admin, draft)).get("campaignId").asString();
        assertThat(post(BASE + campaignId + "/publish", admin, null).statusCode()).isEqualTo(200);

        List<String> signatures = List.of(id(), id(), id(), id());
        for (String signature : signatures) {
            String verified = verified(campaignId, signature);
            KafkaProbe.publishEvent("pledges", signature, "pledge-verified.v1", verified);
            if (signature.equals(signatures.get(0))) {
                KafkaProbe.publishEvent("pledges", signature, "pledge-verified.v1", verified); // redelivered
            }
        }
        KafkaProbe.publishEvent("pledges", signatures.get(3), "pledge-withdrawn.v1", withdrawn(campaignId, signatures.get(3)));
        // three held in quarantine by pledge-service: one released (counts), one withdrawn, one invalidated
        List<String> held = List.of(id(), id(), id());
        for (String signature : held) {
            KafkaProbe.publishEvent("pledges", signature, "pledge-verified.v1", heldVerification(campaignId, signature));
        }
        KafkaProbe.publishEvent("pledges", held.get(0), "pledge-released.v1", released(campaignId, held.get(0)));
        KafkaProbe.publishEvent("pledges", held.get(1), "pledge-withdrawn.v1",
                ((ObjectNode) json.readTree(withdrawn(campaignId, held.get(1)))).put("wasCounted", false).toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode progress = read(get(BASE + campaignId + "/milestones", admin));
            assertThat(progress.get("verifiedCount").asLong()).isEqualTo(4);
            assertThat(progress.get("reached").findValuesAsString("")).isEmpty();
            assertThat(progress.get("reached")).hasSize(3);
        });
        Predicate<ConsumerRecord<String, String>> milestones = r -> campaignId.equals(r.key())
                && "milestone-reached.v1".equals(KafkaProbe.header(r, "ce_type"));
        List<ConsumerRecord<String, String>> announced = KafkaProbe.awaitRecords("campaigns", milestones, 3,
                Duration.ofSeconds(20));
        announced.forEach(r -> EventContract.assertValid("campaigns/milestone-reached.v1", r.value()));
        assertThat(announced.stream().map(r -> json.readTree(r.value()).get("threshold").asLong()))
                .containsExactlyInAnyOrder(2L, 3L, 4L);

        replayWholePledgesTopic();

        JsonNode progress = read(get(BASE + campaignId + "/milestones", admin));
        assertThat(progress.get("verifiedCount").asLong()).isEqualTo(4);
        Thread.sleep(1000); // let any (wrong) new announcement reach the broker
        assertThat(KafkaProbe.count("campaigns", milestones)).isEqualTo(3);
    }

    private void replayWholePledgesTopic() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer("campaign-service.pledges");
        container.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> toStart = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 6; p++) {
                toStart.put(new TopicPartition("pledges", p), new OffsetAndMetadata(0));
                latest.put(new TopicPartition("pledges", p), OffsetSpec.latest());
            }
            // the group must be empty before its offsets can be moved: the stopped consumers leave it
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> {
                        admin.alterConsumerGroupOffsets(GROUP, toStart).all().get();
                        return true;
                    });
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            container.start();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                ends.forEach((tp, end) -> assertThat(committed.get(tp) == null ? 0 : committed.get(tp).offset())
                        .as("%s replayed to its end", tp).isGreaterThanOrEqualTo(end));
            });
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private String verified(String campaignId, String signatureId) {
        ObjectNode event = (ObjectNode) json.readTree(EventContract.exampleNow("pledges/pledge-verified.v1"));
        event.put("eventId", id()).put("signatureId", signatureId).put("campaignId", campaignId);
        return event.toString();
    }

    private String heldVerification(String campaignId, String signatureId) {
        ObjectNode event = (ObjectNode) json.readTree(verified(campaignId, signatureId));
        return event.put("counted", false).toString();
    }

    private String released(String campaignId, String signatureId) {
        ObjectNode event = (ObjectNode) json.readTree(EventContract.exampleNow("pledges/pledge-released.v1"));
        event.put("eventId", id()).put("signatureId", signatureId).put("campaignId", campaignId);
        return event.toString();
    }

    private String withdrawn(String campaignId, String signatureId) {
        ObjectNode event = (ObjectNode) json.readTree(EventContract.exampleNow("pledges/pledge-withdrawn.v1"));
        event.put("eventId", id()).put("signatureId", signatureId).put("campaignId", campaignId)
                .put("wasVerified", true);
        return event.toString();
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("pledges", 0, 0, "key", value);
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
