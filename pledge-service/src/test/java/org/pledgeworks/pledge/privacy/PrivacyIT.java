package org.pledgeworks.pledge.privacy;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT extends ServiceIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    @Autowired
    JsonMapper json;

    Api api;
    TestCampaign first;
    TestCampaign second;

    @BeforeEach
    void openCampaigns() {
        api = new Api(port);
        first = CampaignFixture.publishOpenCampaign();
        second = CampaignFixture.publishOpenCampaign();
        api.awaitCampaign(first.slug());
        api.awaitCampaign(second.slug());
    }

    @Test
    void aSignerGetsTheirDataByMailedLinkAndErasureLeavesOnlyAnAnonymousCountedRecord(CapturedOutput output) {
        String local = "lin." + UUID.randomUUID().toString().substring(0, 8);
        String name = "Lin Privacy-" + local.substring(4);
        Signer.signAndVerify(api, first.slug(), aPledge().with("name", name).with("email", local + "@example.org")
                .with("postalCode", "EC1A 1BB"));
        Signer.signAndReadMail(api, second.slug(), aPledge().with("name", name)
                .with("email", local.toUpperCase() + "+tag@example.org"));
        Signer.awaitCount(api, first.slug(), 1);

        HttpResponse<String> asked = api.postJson("/api/pledges/data-requests",
                "{\"email\":\"" + local.toUpperCase() + "@Example.org\",\"locale\":\"en\"}");
        HttpResponse<String> stranger = api.postJson("/api/pledges/data-requests",
                "{\"email\":\"nobody-" + local + "@example.org\"}");

        assertThat(asked.statusCode()).isEqualTo(stranger.statusCode()).isEqualTo(202);
        assertThat(asked.body()).isEqualTo(stranger.body()).doesNotContain(local);
        ConsumerRecord<String, String> requested = KafkaProbe.awaitRecord("pledges",
                r -> "signer-data-requested.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains(local.toUpperCase() + "@Example.org"), Duration.ofSeconds(20));
        EventContract.assertValid("pledges/signer-data-requested.v1", requested.value());
        assertThat(requested.key()).startsWith("em_").doesNotContain(local);
        JsonNode mail = json.readTree(requested.value());

        HttpResponse<String> export = api.get(Api.pathOf(mail.get("exportUrl").asString()), "application/json");
        assertThat(export.statusCode()).isEqualTo(200);
        JsonNode data = json.readTree(export.body());
        assertThat(data.get("signatures")).hasSize(2);
        assertThat(export.body()).contains(name).contains("EC1A 1BB");

        String erasePath = Api.pathOf(mail.get("eraseUrl").asString());
        assertThat(api.get(erasePath).body()).as("GET only asks").contains("<form method=\"post\"");
        assertThat(held(local)).hasSize(2);
        HttpResponse<String> erased = api.post(erasePath, null, HttpRequest.BodyPublishers.noBody());

        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(held(local)).isEmpty();
        List<Document> anonymous = database.getCollection(Signatures.COLLECTION)
                .find(in("campaignId", first.id(), second.id())).into(new ArrayList<>());
        assertThat(anonymous).hasSize(2).allSatisfy(s -> {
            assertThat(s.toJson()).doesNotContain(local).doesNotContain(name).doesNotContain("EC1A");
            assertThat(s.get("erasedAt")).isNotNull();
            assertThat(s.getString("country")).isEqualTo("GB");
        });
        assertThat(Signer.awaitCount(api, first.slug(), 1).get("total").asLong()).as("the count stays").isEqualTo(1);
        ConsumerRecord<String, String> forget = KafkaProbe.awaitRecord("pledges",
                r -> "signer-erased.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(local),
                Duration.ofSeconds(20));
        EventContract.assertValid("pledges/signer-erased.v1", forget.value());
        JsonNode event = json.readTree(forget.value());
        assertThat(event.get("email").asString()).isEqualTo(local + "@example.org");
        assertThat(event.get("signatureIds")).hasSize(2);
        assertThat(event.get("campaignIds")).hasSize(2);
        assertThat(api.get(Api.pathOf(mail.get("exportUrl").asString()), "application/json").body())
                .doesNotContain(name);
        assertThat(output.getAll()).as("no address or name in any log line").doesNotContain(local)
                .doesNotContain(local.toUpperCase()).doesNotContain(name);
    }

    @Test
    void aBrokenExportLinkIsAProblem() {
        HttpResponse<String> response = api.get("/api/pledges/data-requests/export/abc.123.def", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private List<Document> held(String local) {
        return database.getCollection(Signatures.COLLECTION)
                .find(com.mongodb.client.model.Filters.regex("emailKey", "^" + local)).into(new ArrayList<>());
    }
}
