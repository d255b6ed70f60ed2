package org.pledgeworks.pledge.signing;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.CampaignFixture.TestCampaign;
import org.pledgeworks.pledge.support.ServiceIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class RepeatAndResendIT extends ServiceIT {

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
    void whatASignerGivesIsStoredNormalisedWithTheClientIpOnlyAsAKeyedHash() {
        api.signFrom(campaign.slug(), aPledge().with("country", "GB").with("postalCode", " sw1a 1aa ")
                .with("locale", "en-GB").without("consentToUpdates")
                .with("source", Map.of("utm_source", "newsletter", "utm_campaign", "launch",
                        "referrer", "https://example.org/post"))
                .json(), "192.0.2.44");

        Document signature = signatures().get(0);
        assertThat(signature.getString("postalCode")).isEqualTo("SW1A 1AA");
        assertThat(signature.getBoolean("consentToUpdates")).as("consent is explicit: absent means no").isFalse();
        assertThat(signature.getString("locale")).isEqualTo("en-GB");
        assertThat(signature.get("source", Document.class)).containsEntry("utm_source", "newsletter")
                .containsEntry("utm_campaign", "launch").containsEntry("referrer", "https://example.org/post");
        assertThat(signature.getString("ipHash")).startsWith("ip_").doesNotContain("192.0.2.44");
        assertThat(signature.toJson()).doesNotContain("192.0.2.44");
        assertThat(signature.getInteger("pledgeTextVersion")).isEqualTo(1);
    }

    @Test
    void aRepeatIsAnsweredLikeAFirstSignatureAndTheSignerGetsAnAlreadySignedEvent() {
        HttpResponse<String> first = api.sign(campaign.slug(), aPledge().with("email", "grace.h@gmail.com").json());
        HttpResponse<String> repeat = api.sign(campaign.slug(), aPledge().with("email", "Grace.H+again@GoogleMail.com")
                .with("name", "Someone Else").json());

        assertThat(repeat.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
        assertThat(repeat.body()).isEqualTo(first.body());
        String signatureId = signatures().get(0).getString("_id");
        ConsumerRecord<String, String> again = KafkaProbe.awaitRecord("pledges",
                r -> "pledge-signed-again.v1".equals(KafkaProbe.header(r, "ce_type")) && signatureId.equals(r.key()),
                Duration.ofSeconds(20));
        EventContract.assertValid("pledges/pledge-signed-again.v1", again.value());
        JsonNode event = json.readTree(again.value());
        assertThat(event.get("email").asString()).as("mail goes to the address typed in the repeat")
                .isEqualTo("Grace.H+again@GoogleMail.com");
        assertThat(event.get("name").asString()).as("not the name someone else typed").isEqualTo("Ada Example");
        assertThat(event.get("status").asString()).isEqualTo("pending");
        assertThat(event.get("verificationUrl").asString()).contains("/verify/");
        assertThat(event.get("withdrawUrl").asString()).contains("/api/pledges/withdraw/");
        assertThat(signatures()).hasSize(1);
    }

    @Test
    void aResendMailsAFreshLinkAtMostFiveTimesAndAlwaysAnswersTheSame() {
        String email = aPledge().email();
        api.sign(campaign.slug(), aPledge().with("email", email).json());
        String resend = "/api/campaigns/" + campaign.slug() + "/pledges/resend";

        List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(api.postJson(resend, "{\"email\":\"" + email.toUpperCase() + "\"}"));
        }
        HttpResponse<String> stranger = api.postJson(resend, "{\"email\":\"nobody-" + email + "\"}");

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(202);
            assertThat(a.body()).isEqualTo(stranger.body());
        });
        assertThat(stranger.statusCode()).isEqualTo(202);
        String signatureId = signatures().get(0).getString("_id");
        List<ConsumerRecord<String, String>> signed = KafkaProbe.allRecords("pledges",
                r -> "pledge-signed.v1".equals(KafkaProbe.header(r, "ce_type")) && signatureId.equals(r.key()),
                Duration.ofSeconds(4));
        assertThat(signed).as("the first mail and 5 resends; the 6th resend does nothing").hasSize(6);
        signed.forEach(r -> EventContract.assertValid("pledges/pledge-signed.v1", r.value()));
        Set<String> eventIds = signed.stream().map(r -> KafkaProbe.header(r, "ce_id")).collect(Collectors.toSet());
        assertThat(eventIds).as("each resend is a new event, so notification-service mails again").hasSize(6);
        assertThat(signatures().get(0).getInteger("resends")).isEqualTo(5);
    }

    @Test
    void aResendWithABadAddressIsAProblemNamingTheField() {
        HttpResponse<String> response = api.postJson("/api/campaigns/" + campaign.slug() + "/pledges/resend",
                "{\"email\":\"nope\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").findValuesAsString("field")).containsExactly("email");
    }

    private List<Document> signatures() {
        return database.getCollection(Signatures.COLLECTION).find(eq("campaignId", campaign.id()))
                .into(new java.util.ArrayList<>());
    }
}
