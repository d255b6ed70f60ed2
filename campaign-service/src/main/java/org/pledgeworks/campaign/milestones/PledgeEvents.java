package org.pledgeworks.campaign.milestones;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.pledgeworks.campaign.system.MalformedEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * What this service reads of the {@code pledges} topic, for the count: verifications (those with
 * {@code counted: false} are held in quarantine and wait), releases from quarantine, withdrawals.
 */
@Component
class PledgeEvents {

    private final Milestones milestones;
    private final JsonMapper json;

    PledgeEvents(Milestones milestones, JsonMapper json) {
        this.milestones = milestones;
        this.json = json;
    }

    @KafkaListener(id = "campaign-service.pledges", topics = "pledges", groupId = "${pledgeworks.pledges-group:campaign-service}")
    void on(ConsumerRecord<String, String> record) {
        switch (type(record)) {
            case "pledge-verified.v1" -> {
                PledgeVerified e = parse(record, PledgeVerified.class);
                require(e.eventId() != null && e.signatureId() != null && e.campaignId() != null, record);
                // absent (events from before the field existed) means counted, as the contract says
                milestones.verified(e.eventId(), e.signatureId(), e.campaignId(), !Boolean.FALSE.equals(e.counted()));
            }
            case "pledge-released.v1" -> {
                PledgeReleased e = parse(record, PledgeReleased.class);
                require(e.eventId() != null && e.signatureId() != null && e.campaignId() != null, record);
                milestones.released(e.eventId(), e.signatureId(), e.campaignId());
            }
            case "pledge-withdrawn.v1" -> {
                PledgeWithdrawn e = parse(record, PledgeWithdrawn.class);
                require(e.eventId() != null && e.signatureId() != null && e.campaignId() != null, record);
                milestones.withdrawn(e.eventId(), e.signatureId(), e.campaignId(), Boolean.TRUE.equals(e.wasVerified()));
            }
            default -> {
                // signed, erased and the rest: not counted here
            }
        }
    }

    private <T> T parse(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return json.readValue(record.value(), type);
        }
        catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException("unreadable " + type.getSimpleName() + " at offset " + record.offset(), e);
        }
    }

    private static void require(boolean present, ConsumerRecord<String, String> record) {
        if (!present) {
            throw new MalformedEventException("event without eventId, signatureId or campaignId at offset "
                    + record.offset(), null);
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    record PledgeVerified(String eventId, String signatureId, String campaignId, Boolean counted) {
    }

    record PledgeReleased(String eventId, String signatureId, String campaignId) {
    }

    record PledgeWithdrawn(String eventId, String signatureId, String campaignId, Boolean wasVerified) {
    }
}
