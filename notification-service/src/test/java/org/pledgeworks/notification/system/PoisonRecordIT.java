package org.pledgeworks.notification.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.notification.support.PledgeSignedMother.aPledge;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pledgeworks.kit.events.MalformedEventException;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.notification.support.MailCatcher;
import org.pledgeworks.notification.support.MailServers;
import org.pledgeworks.notification.support.PledgeSignedMother;
import org.pledgeworks.notification.support.ServiceIT;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class PoisonRecordIT extends ServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MailCatcher smtp = MailServers.smtp();

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAtOnceAndTheNextOneFlows(CapturedOutput output) {
        String key = UUID.randomUUID().toString();
        PledgeSignedMother withoutEmail = aPledge().set("signatureId", key).without("email");
        PledgeSignedMother good = aPledge().set("signatureId", key);
        double failedAttemptsBefore = count("notification.events.failed.attempts");
        double deadLetteredBefore = count("notification.events.dead.lettered");

        RecordMetadata notJson = KafkaProbe.publishEvent("pledges", key, "pledge-signed.v1",
                UUID.randomUUID().toString(), "this is not JSON {");
        withoutEmail.publish();
        KafkaProbe.publishEvent("pledges", key, null, UUID.randomUUID().toString(), good.json());
        good.publish();

        smtp.awaitMessagesTo(good.email(), 1, TIMEOUT);
        List<ConsumerRecord<String, String>> dead = KafkaProbe.awaitRecords("pledges.dlt",
                r -> key.equals(r.key()), 3, TIMEOUT);
        assertThat(dead).extracting(ConsumerRecord::value)
                .containsExactly("this is not JSON {", withoutEmail.json(), good.json());
        assertThat(dead).allSatisfy(r -> {
            assertThat(r.partition()).as("same partition as on pledges").isEqualTo(notJson.partition());
            assertThat(KafkaProbe.header(r, "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo(MalformedEventException.class.getName());
            assertThat(KafkaProbe.header(r, "kafka_dlt-original-topic")).isEqualTo("pledges");
        });
        assertThat(KafkaProbe.header(dead.get(1), "kafka_dlt-exception-message")).contains("'email'");
        assertThat(KafkaProbe.header(dead.get(2), "kafka_dlt-exception-message")).contains("ce_type");
        // three records failed once each and were not retried
        assertThat(count("notification.events.dead.lettered") - deadLetteredBefore).isEqualTo(3.0);
        assertThat(count("notification.events.failed.attempts") - failedAttemptsBefore).isEqualTo(3.0);
        assertThat(smtp.messagesTo(good.email())).hasSize(1);
        assertThat(output.getAll()).doesNotContainIgnoringCase(good.email());
    }

    @Test
    void typesThisServiceDoesNotHandleAreSkipped() {
        String key = UUID.randomUUID().toString();
        // pledge-withdrawn.v1 is pledge-service's news for campaign-service: no mail from it here
        ObjectNode withdrawn = JsonMapper.builder().build().createObjectNode()
                .put("eventId", UUID.randomUUID().toString()).put("occurredAt", TestClock.now().toString())
                .put("signatureId", key).put("campaignId", "c-demo-forced-labour").put("country", "GB")
                .put("wasVerified", true);
        PledgeSignedMother good = aPledge().set("signatureId", key);

        KafkaProbe.publishEvent("pledges", key, "pledge-withdrawn.v1", UUID.randomUUID().toString(), withdrawn.toString());
        KafkaProbe.publishEvent("pledges", key, "pledge-teleported.v9", UUID.randomUUID().toString(), "not even JSON");
        good.publish();

        smtp.awaitMessagesTo(good.email(), 1, TIMEOUT);
        assertThat(KafkaProbe.allRecords("pledges.dlt", r -> key.equals(r.key()), Duration.ofSeconds(2))).isEmpty();
    }
}
