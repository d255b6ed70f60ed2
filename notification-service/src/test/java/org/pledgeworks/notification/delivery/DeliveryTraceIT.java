package org.pledgeworks.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pledgeworks.notification.support.PledgeSignedMother.aPledge;

import java.time.Duration;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgeworks.kit.kafka.CloudEventHeaders;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.PledgeSignedMother;
import org.pledgeworks.notification.support.ServiceIT;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A pledge-signed record sent inside a trace (as pledge-service's outbox relay sends it): the listener's
 * span continues that trace, so the mail's delivery record and the line that records it name the
 * producer's trace id, the id an operator follows from the gateway's response to the mail.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryTraceIT extends ServiceIT {

    private final MailCatcher smtp = MailServers.smtp();

    @Autowired
    MongoDatabase database;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Tracer tracer;

    @Test
    void theDeliveryOfAConsumedPledgeCarriesTheProducersTraceId(CapturedOutput output) throws Exception {
        PledgeSignedMother pledge = aPledge();
        Span producer = tracer.nextSpan().name("pledge-service relay").start();
        try (Tracer.SpanInScope inSpan = tracer.withSpan(producer)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(PledgeSignedMother.TOPIC,
                    pledge.signatureId(), pledge.json());
            CloudEventHeaders.write(record.headers(), pledge.eventId(), PledgeSignedMother.TYPE, "/pledge-service",
                    TestClock.now());
            kafka.send(record).get();
        }
        finally {
            producer.end();
        }
        String traceId = producer.context().traceId();

        smtp.awaitMessagesTo(pledge.email(), 1, Duration.ofSeconds(30));
        Document delivery = database.getCollection("deliveries")
                .find(Filters.eq("_id", pledge.eventId() + ":verification")).first();

        assertThat(delivery).isNotNull();
        assertThat(delivery.getString("traceId")).isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(line -> line.contains("Delivery " + pledge.eventId() + ":verification (verification) recorded")))
                .singleElement().asString().contains(traceId));
    }
}
