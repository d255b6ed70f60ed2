package org.pledgeworks.kit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents Kafka binding, binary mode: the event is the record's value, its attributes are
 * {@code ce_*} headers. Every service writes and reads them here, so any CloudEvents-aware tool can
 * read the topics.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** Adds the attributes of one JSON event to a record's headers. */
    public static void write(Headers headers, String id, String type, String source, Instant time) {
        headers.add(ID, bytes(id))
                .add(TYPE, bytes(type))
                .add(SOURCE, bytes(source))
                .add(SPEC_VERSION, bytes("1.0"))
                .add(TIME, bytes(time.toString()))
                .add(CONTENT_TYPE, bytes("application/json"));
    }

    /** The logical type, e.g. {@code pledge-signed.v1}; null when the record has none. */
    public static String type(ConsumerRecord<?, ?> record) {
        return text(record, TYPE);
    }

    /** The event id consumers drop duplicates by; null when the record has none. */
    public static String id(ConsumerRecord<?, ?> record) {
        return text(record, ID);
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
