package org.pledgeworks.pledge.signing;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.CampaignFixture.TestCampaign;
import org.pledgeworks.pledge.support.ServiceIT;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class SigningIT extends ServiceIT {

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
    void aSignatureIsAcceptedStoredPendingAndAnnouncedWithWhatTheMailNeeds() {
        HttpResponse<String> response = api.sign(campaign.slug(), aPledge()
                .with("name", "  Ada Example  ").with("email", "Ada.Example+pledges@Example.org").json());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json.readTree(response.body()).get("message").asString()).contains("Check your email");
        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord("pledges",
                r -> r.value().contains(campaign.id()), Duration.ofSeconds(20));
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("pledge-signed.v1");
        EventContract.assertValid("pledges/pledge-signed.v1", record.value());
        JsonNode event = json.readTree(record.value());
        assertThat(record.key()).isEqualTo(event.get("signatureId").asString());
        assertThat(event.get("email").asString()).as("mail goes to the address as typed")
                .isEqualTo("Ada.Example+pledges@Example.org");
        assertThat(event.get("name").asString()).isEqualTo("Ada Example");
        assertThat(event.get("verificationUrl").asString()).startsWith("http://127.0.0.1:8080/verify/")
                .doesNotContain("Example", "example");
        assertThat(signaturesOf(campaign)).singleElement()
                .satisfies(s -> assertThat(s.getString("status")).isEqualTo("PENDING"));
    }

    @Test
    void signingAgainWithTheSameAddressIsAnsweredTheSameAndStoresNothingNew() {
        String first = aPledge().with("email", "jane.doe@gmail.com").json();
        String again = aPledge().with("email", "JaneDoe+pledge@googlemail.com").with("name", "Someone Else").json();

        HttpResponse<String> firstResponse = api.sign(campaign.slug(), first);
        HttpResponse<String> againResponse = api.sign(campaign.slug(), again);

        assertThat(againResponse.statusCode()).isEqualTo(firstResponse.statusCode()).isEqualTo(202);
        assertThat(againResponse.body()).isEqualTo(firstResponse.body());
        assertThat(signaturesOf(campaign)).hasSize(1);
    }

    @Test
    void fiftyConcurrentIdenticalSignUpsMakeOneSignature() throws Exception {
        String body = aPledge().json();
        List<Thread> threads = new java.util.ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 50; i++) {
            Thread thread = new Thread(() -> statuses.add(api.sign(campaign.slug(), body).statusCode()));
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(statuses).hasSize(50).containsOnly(202);
        assertThat(signaturesOf(campaign)).hasSize(1);
    }

    @Test
    void invalidInputNamesEveryFieldAtFaultAndStoresNothing() {
        HttpResponse<String> response = api.sign(campaign.slug(), aPledge()
                .with("name", " ").with("email", "not-an-address").with("country", "XX").json());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "email", "country");
        assertThat(signaturesOf(campaign)).isEmpty();
    }

    @Test
    void aWrongTypeIsAProblemNamingTheField() {
        HttpResponse<String> response = api.sign(campaign.slug(), aPledge().with("consentToUpdates", "yes please").json());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").findValuesAsString("field")).containsExactly("consentToUpdates");
        assertThat(signaturesOf(campaign)).isEmpty();
    }

    @Test
    void fieldsThatAreNotOursCannotBeMassAssigned() {
        api.sign(campaign.slug(), aPledge().with("status", "VERIFIED").with("verified", true).json());

        assertThat(signaturesOf(campaign)).singleElement()
                .satisfies(s -> assertThat(s.getString("status")).isEqualTo("PENDING"));
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        HttpResponse<String> response = api.sign("no-such-campaign", aPledge().json());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("title").asString()).isEqualTo("Campaign not found");
    }

    @Test
    void aClosedCampaignTakesNoSignatures() {
        CampaignFixture.closeCampaign(campaign);
        awaitCopyStatus("closed");

        HttpResponse<String> response = api.sign(campaign.slug(), aPledge().json());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(signaturesOf(campaign)).isEmpty();
    }

    @Test
    void theSignFormWithoutScriptSignsAndAnswersWithAPage() {
        HttpResponse<String> response = signByForm(campaign.slug(),
                "name=Ada+Form&email=ada.form%40example.org&country=PT&consentToUpdates=on");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("Check your email to confirm your signature")
                .contains("href=\"/campaigns/" + campaign.slug() + "#sign-heading\"");
        assertThat(signaturesOf(campaign)).singleElement().satisfies(s -> {
            assertThat(s.getString("status")).isEqualTo("PENDING");
            assertThat(s.getString("country")).isEqualTo("PT");
        });
        assertThat(KafkaProbe.awaitRecord("pledges", r -> r.value().contains(campaign.id()), Duration.ofSeconds(20))
                .value()).contains("\"consentToUpdates\":true");
    }

    @Test
    void theSignFormWithoutScriptNamesEveryProblemOnAPageAndStoresNothing() {
        HttpResponse<String> response = signByForm(campaign.slug(), "name=&email=not-an-address&country=");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Please check the form", "Please tell us your name.",
                "Please choose your country.").contains("This does not look like an email address.");
        assertThat(signaturesOf(campaign)).isEmpty();
    }

    @Test
    void theSignFormWithoutScriptSaysOnAPageWhenTheCampaignIsClosed() {
        CampaignFixture.closeCampaign(campaign);
        awaitCopyStatus("closed");

        HttpResponse<String> response = signByForm(campaign.slug(), "name=Ada&email=ada%40example.org&country=PT");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("This campaign is not taking signatures");
        assertThat(signaturesOf(campaign)).isEmpty();
    }

    private HttpResponse<String> signByForm(String slug, String form) {
        return api.post("/api/campaigns/" + slug + "/pledges", "application/x-www-form-urlencoded",
                java.net.http.HttpRequest.BodyPublishers.ofString(form), "X-Forwarded-For", "203.0.113.77, 10.0.0.1",
                "Accept", "text/html");
    }

    private void awaitCopyStatus(String status) {
        java.time.Instant deadline = TestClock.now().plusSeconds(20);
        while (TestClock.now().isBefore(deadline)) {
            org.bson.Document copy = database.getCollection("campaigns").find(eq("_id", campaign.id())).first();
            if (copy != null && status.equals(copy.getString("status"))) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the campaign copy never became " + status);
    }

    private List<org.bson.Document> signaturesOf(TestCampaign campaign) {
        return database.getCollection(Signatures.COLLECTION).find(eq("campaignId", campaign.id()))
                .into(new java.util.ArrayList<>());
    }
}
