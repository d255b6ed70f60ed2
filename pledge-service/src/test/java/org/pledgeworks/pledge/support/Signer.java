package org.pledgeworks.pledge.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The signer's side of a test: signs, reads the mail's event, opens its links. */
public final class Signer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Signer() {
    }

    /** Signs and returns the {@code pledge-signed} event that asks for the verification mail. */
    public static JsonNode signAndReadMail(Api api, String slug, PledgeMother pledge) {
        assertThat(api.sign(slug, pledge.json()).statusCode()).isEqualTo(202);
        return readSignedMail(pledge.email());
    }

    public static JsonNode readSignedMail(String email) {
        ConsumerRecord<String, String> signed = KafkaProbe.awaitRecord("pledges",
                r -> "pledge-signed.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(email),
                Duration.ofSeconds(20));
        EventContract.assertValid("pledges/pledge-signed.v1", signed.value());
        return JSON.readTree(signed.value());
    }

    /** Signs and confirms by the verification link. @return the pledge-signed event */
    public static JsonNode signAndVerify(Api api, String slug, PledgeMother pledge) {
        JsonNode mail = signAndReadMail(api, slug, pledge);
        assertThat(confirm(api, mail).statusCode()).isEqualTo(200);
        return mail;
    }

    /**
     * Confirms as the page behind the mail's link does in a browser: a POST of its empty form to the
     * link's own address (opening the link alone confirms nothing).
     */
    public static HttpResponse<String> confirm(Api api, JsonNode mail) {
        return api.post(Api.pathOf(mail.get("verificationUrl").asString()), "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.noBody(), "Accept", "text/html");
    }

    /** Polls the public count until it has the expected total. */
    public static JsonNode awaitCount(Api api, String slug, long expected) {
        Instant deadline = TestClock.now().plusSeconds(15);
        JsonNode count = null;
        while (TestClock.now().isBefore(deadline)) {
            count = JSON.readTree(api.get("/api/campaigns/" + slug + "/count", "application/json").body());
            if (count.get("total").asLong() == expected) {
                return count;
            }
            Api.sleep();
        }
        throw new AssertionError("count never became " + expected + ": " + count);
    }
}
