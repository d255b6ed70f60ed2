package org.pledgeworks.notification.bulk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.notification.delivery.Addressee;
import org.pledgeworks.notification.delivery.Deliveries;
import org.pledgeworks.notification.delivery.DeliveryRequest;
import org.pledgeworks.notification.stats.DeliveryStats;
import org.pledgeworks.notification.subscribers.SuppressionList;
import org.pledgeworks.notification.system.NotificationServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code notifications} in batches (up to 500 records a poll): skips suppressed recipients,
 * renders each mail, inserts the deliveries (without the rendered mail: see {@link Addressee}) in one write under {@code <messageId>:<recipientId>} (a
 * replayed or republished record finds its delivery taken) and hands the new ones to the bulk sender,
 * waiting for room there: the listener goes no faster than the provider takes mail. Offsets are
 * committed after the deliveries are stored.
 */
@Component
class NotificationsListener {

    private static final Logger log = LoggerFactory.getLogger(NotificationsListener.class);

    /** The slim record of {@code notification-requested.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NotificationRequested(UUID eventId, String messageId, String kind, String campaignId, String recipientId,
            String email, String name, String locale) {
    }

    private final RecentMessages messages;
    private final BulkMail mail;
    private final Deliveries deliveries;
    private final SuppressionList suppressions;
    private final DeliveryStats stats;
    private final JsonMapper json;
    private final Duration patience;

    NotificationsListener(RecentMessages messages, BulkMail mail, Deliveries deliveries, SuppressionList suppressions,
            DeliveryStats stats, JsonMapper json, NotificationServiceProperties properties) {
        this.messages = messages;
        this.mail = mail;
        this.deliveries = deliveries;
        this.suppressions = suppressions;
        this.stats = stats;
        this.json = json;
        this.patience = properties.fanout().sendPatience();
    }

    @KafkaListener(id = "notifications", idIsGroup = false, topics = "notifications", batch = "true",
            properties = { "max.poll.records=500" })
    void on(List<ConsumerRecord<String, String>> records) {
        Map<String, List<NotificationRequested>> byMessage = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            if (!FanOut.TYPE.equals(header(record, "ce_type"))) {
                continue;
            }
            try {
                NotificationRequested request = read(record.value());
                byMessage.computeIfAbsent(request.messageId(), k -> new ArrayList<>()).add(request);
            }
            catch (MalformedEventException e) {
                // everything before it is processed again on redelivery, and absorbed
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        byMessage.forEach(this::deliver);
    }

    private void deliver(String messageId, List<NotificationRequested> requests) {
        Document message = messages.find(messageId).orElse(null);
        if (message == null) {
            log.warn("{} notifications for unknown message {}: skipped", requests.size(), messageId);
            return;
        }
        String campaignId = message.getString("campaignId");
        Set<String> suppressed = suppressions.suppressedAmong(requests.stream().map(NotificationRequested::recipientId)
                .toList(), campaignId);
        List<DeliveryRequest> toSend = new ArrayList<>(requests.size());
        Instant causedAt = message.getDate("occurredAt").toInstant();
        for (NotificationRequested r : requests) {
            if (suppressed.contains(r.recipientId())) {
                continue;
            }
            // stored without the rendered mail: the message and the addressee render it again if it must wait
            toSend.add(new DeliveryRequest(messageId + ":" + r.recipientId(), message.getString("kind"), campaignId,
                    mail.render(message, r.recipientId(), r.email(), r.name(), r.locale()), null, causedAt, true,
                    messageId, r.recipientId(), new Addressee(r.email(), r.name(), r.locale())));
        }
        int fresh = deliveries.requestAll(toSend, patience);
        Map<String, Integer> changes = new HashMap<>();
        if (fresh > 0) {
            changes.put("queued", fresh);
        }
        if (!suppressed.isEmpty()) {
            changes.put("suppressed", suppressed.size());
        }
        stats.add(messageId, changes);
    }

    private NotificationRequested read(String value) {
        NotificationRequested request;
        try {
            request = json.readValue(value, NotificationRequested.class);
        }
        catch (JacksonException | IllegalArgumentException e) {
            throw new MalformedEventException(FanOut.TYPE + " is not readable JSON");
        }
        if (request == null || blank(request.messageId()) || blank(request.recipientId()) || blank(request.email())
                || blank(request.campaignId())) {
            throw new MalformedEventException(FanOut.TYPE + " without a required field");
        }
        return request;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
