package org.pledgeworks.pledge.withdrawal;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.CampaignFixture.TestCampaign;
import org.pledgeworks.pledge.support.ServiceIT;
import org.pledgeworks.pledge.support.Signer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class WithdrawalIT extends ServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    JsonMapper json;

    Api api;
    TestCampaign campaign;

    @BeforeEach
    void openCampaign() {
        api = new Api(port);
        campaign = CampaignFixture.publishOpenCampaign();
        api.awaitCampaign(campaign.slug());
    }

    @Test
    void openingTheLinkOnlyAsksAndThePostWithdrawsCountsDownAndAnnouncesIt() {
        JsonNode mail = Signer.signAndVerify(api, campaign.slug(), aPledge().with("country", "IE"));
        String signatureId = mail.get("signatureId").asString();
        ConsumerRecord<String, String> verified = KafkaProbe.awaitRecord("pledges",
                r -> "pledge-verified.v1".equals(KafkaProbe.header(r, "ce_type")) && signatureId.equals(r.key()),
                Duration.ofSeconds(20));
        EventContract.assertValid("pledges/pledge-verified.v1", verified.value());
        String withdrawUrl = json.readTree(verified.value()).get("withdrawUrl").asString();
        assertThat(withdrawUrl).startsWith("http://127.0.0.1:8080/api/pledges/withdraw/");
        assertThat(mail.get("withdrawUrl").asString()).startsWith("http://127.0.0.1:8080/api/pledges/withdraw/");
        Signer.awaitCount(api, campaign.slug(), 1);

        HttpResponse<String> scanner = api.get(Api.pathOf(withdrawUrl));
        HttpResponse<String> again = api.get(Api.pathOf(withdrawUrl));

        assertThat(scanner.statusCode()).isEqualTo(200);
        assertThat(scanner.body()).contains("<form method=\"post\"").contains("Withdraw my signature");
        assertThat(again.body()).isEqualTo(scanner.body());
        assertThat(status(signatureId)).as("a GET never withdraws").isEqualTo("VERIFIED");

        HttpResponse<String> confirmed = api.post(Api.pathOf(withdrawUrl), "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.noBody());

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("withdrawn");
        assertThat(status(signatureId)).isEqualTo("WITHDRAWN");
        Signer.awaitCount(api, campaign.slug(), 0);
        ConsumerRecord<String, String> withdrawn = KafkaProbe.awaitRecord("pledges",
                r -> "pledge-withdrawn.v1".equals(KafkaProbe.header(r, "ce_type")) && signatureId.equals(r.key()),
                Duration.ofSeconds(20));
        EventContract.assertValid("pledges/pledge-withdrawn.v1", withdrawn.value());
        JsonNode event = json.readTree(withdrawn.value());
        assertThat(event.get("wasVerified").asBoolean()).isTrue();
        assertThat(event.get("wasCounted").asBoolean()).isTrue();
        assertThat(event.get("country").asString()).isEqualTo("IE");
        assertThat(withdrawn.value()).doesNotContain("@");

        assertThat(api.post(Api.pathOf(withdrawUrl), null, HttpRequest.BodyPublishers.noBody()).statusCode())
                .as("a second POST changes nothing").isEqualTo(200);
        assertThat(KafkaProbe.allRecords("pledges", r -> "pledge-withdrawn.v1".equals(KafkaProbe.header(r, "ce_type"))
                && signatureId.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);
        assertThat(Signer.confirm(api, mail).statusCode())
                .as("the old confirm link cannot bring it back").isEqualTo(410);
        Signer.awaitCount(api, campaign.slug(), 0);
    }

    @Test
    void aVerificationLinkOrATamperedLinkCannotWithdraw() {
        JsonNode mail = Signer.signAndReadMail(api, campaign.slug(), aPledge());
        String verifyToken = lastSegment(mail.get("verificationUrl").asString());
        String withdrawToken = lastSegment(mail.get("withdrawUrl").asString());
        String tampered = withdrawToken.substring(0, withdrawToken.length() - 2)
                + (withdrawToken.endsWith("AA") ? "BB" : "AA");

        for (String token : new String[] {verifyToken, tampered}) {
            HttpResponse<String> response = api.post("/api/pledges/withdraw/" + token, null,
                    HttpRequest.BodyPublishers.noBody());
            assertThat(response.statusCode()).isEqualTo(400);
        }
        assertThat(status(mail.get("signatureId").asString())).isEqualTo("PENDING");
    }

    private String status(String signatureId) {
        return database.getCollection(Signatures.COLLECTION).find(eq("_id", signatureId)).first().getString("status");
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
