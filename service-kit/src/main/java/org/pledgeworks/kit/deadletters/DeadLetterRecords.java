package org.pledgeworks.kit.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.pledgeworks.kit.kafka.ListenerErrorPolicy;

/** What a dead letter says about itself: the headers Spring Kafka's recoverer writes, decoded. */
final class DeadLetterRecords {

    // Spring Kafka's DeadLetterPublishingRecoverer writes these (KafkaHeaders.DLT_*)
    static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String ORIGINAL_TIMESTAMP = "kafka_dlt-original-timestamp";
    static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    static final String EXCEPTION = "kafka_dlt-exception-fqcn";
    static final String EXCEPTION_CAUSE = "kafka_dlt-exception-cause-fqcn";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

    private DeadLetterRecords() {
    }

    static DeadLetters.DeadLetter summary(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
        return new DeadLetters.DeadLetter(record.topic(), place(record).toString(), text(record.key()),
                Instant.ofEpochMilli(record.timestamp()),
                Optional.ofNullable(headerText(record, ListenerErrorPolicy.REASON_HEADER))
                        .orElse(headerText(record, EXCEPTION_MESSAGE)),
                Optional.ofNullable(headerText(record, EXCEPTION_CAUSE)).orElse(headerText(record, EXCEPTION)),
                headerText(record, ORIGINAL_TOPIC),
                Optional.ofNullable(header(record, ORIGINAL_PARTITION)).map(DeadLetterRecords::number).map(Long::intValue)
                        .orElse(null),
                Optional.ofNullable(header(record, ORIGINAL_OFFSET)).map(DeadLetterRecords::number).orElse(null),
                headerText(record, ORIGINAL_GROUP), headerText(record, "ce_type"), replayed);
    }

    /** Every header, the last of each name, numbers of the DLT headers decoded. */
    static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            boolean binary = header.key().equals(ORIGINAL_PARTITION) || header.key().equals(ORIGINAL_OFFSET)
                    || header.key().equals(ORIGINAL_TIMESTAMP);
            headers.put(header.key(), binary ? String.valueOf(number(header.value())) : text(header.value()));
        }
        return headers;
    }

    static DeadLetters.Place place(ConsumerRecord<?, ?> record) {
        return new DeadLetters.Place(record.partition(), record.offset());
    }

    static byte[] header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    static String headerText(ConsumerRecord<byte[], byte[]> record, String name) {
        return text(header(record, name));
    }

    /** Spring writes the original partition as 4 bytes and offsets and times as 8; a tool may write text. */
    static Long number(byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length == Integer.BYTES) {
            return (long) ByteBuffer.wrap(value).getInt();
        }
        if (value.length == Long.BYTES) {
            return ByteBuffer.wrap(value).getLong();
        }
        try {
            return Long.parseLong(text(value).trim());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
