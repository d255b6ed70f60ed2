package org.pledgeworks.pledge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.pledge.links.VerificationLinks;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.CampaignFixture.TestCampaign;
import org.pledgeworks.pledge.support.KafkaProbe;
import org.pledgeworks.pledge.support.ServiceIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class VerificationIT extends ServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    VerificationLinks links;

    Api api;
    TestCampaign campaign;

    @BeforeEach
    void openCampaign() {
        api = new Api(port);
        campaign = CampaignFixture.publishOpenCampaign();
        api.awaitCampaign(campaign.slug());
    }

    @Test
    void theLinkVerifiesOnceCountsOnceAndShowsTheSamePageEveryTime() {
        String link = signAndReadLink(aPledge().with("country", "FR").json());
        String token = link.substring(link.lastIndexOf('/') + 1);

        HttpResponse<String> scanner = api.get("/verify/" + token);
        HttpResponse<String> person = api.get("/verify/" + token);

        assertThat(scanner.statusCode()).isEqualTo(person.statusCode()).isEqualTo(200);
        assertThat(scanner.body()).isEqualTo(person.body()).contains("your signature is confirmed");
        assertThat(scanner.headers().firstValue("Set-Cookie")).isEmpty();
        List<ConsumerRecord<String, String>> verified = KafkaProbe.awaitRecords("pledges",
                r -> "pledge-verified.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(campaign.id()),
                1, Duration.ofSeconds(20));
        EventContract.assertValid("pledges/pledge-verified.v1", verified.get(0).value());
        JsonNode count = awaitCount(1);
        assertThat(count.get("byCountry").get("FR").asLong()).isEqualTo(1);
        assertThat(KafkaProbe.allRecords("pledges", r -> "pledge-verified.v1".equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains(campaign.id()), Duration.ofSeconds(3))).as("verified once, announced once").hasSize(1);
    }

    @Test
    void aPendingSignatureDoesNotCount() {
        signAndReadLink(aPledge().json());

        assertThat(api.get("/api/campaigns/" + campaign.slug() + "/count", "application/json").body())
                .contains("\"total\":0");
    }

    @Test
    void aTamperedLinkIsRefused() {
        String link = signAndReadLink(aPledge().json());
        String token = link.substring(link.lastIndexOf('/') + 1);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        HttpResponse<String> response = api.get("/verify/" + tampered, "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anExpiredLinkSaysSo() {
        String link = signAndReadLink(aPledge().json());
        String signatureId = new String(java.util.Base64.getUrlDecoder().decode(
                link.substring(link.lastIndexOf('/') + 1).split("\\.")[0]));
        String expired = links.create(signatureId, TestClock.now().minus(Duration.ofDays(8))).url().toString();

        HttpResponse<String> response = api.get("/verify/" + expired.substring(expired.lastIndexOf('/') + 1));

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("expired");
    }

    private String signAndReadLink(String body) {
        assertThat(api.sign(campaign.slug(), body).statusCode()).isEqualTo(202);
        String email = json.readTree(body).get("email").asString();
        ConsumerRecord<String, String> signed = KafkaProbe.awaitRecord("pledges",
                r -> "pledge-signed.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(email),
                Duration.ofSeconds(20));
        return json.readTree(signed.value()).get("verificationUrl").asString();
    }

    private JsonNode awaitCount(long expected) {
        Instant deadline = TestClock.now().plusSeconds(10);
        JsonNode count = null;
        while (TestClock.now().isBefore(deadline)) {
            count = json.readTree(api.get("/api/campaigns/" + campaign.slug() + "/count", "application/json").body());
            if (count.get("total").asLong() == expected) {
                return count;
            }
        }
        throw new AssertionError("count never became " + expected + ": " + count);
    }
}
