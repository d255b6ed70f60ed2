package org.pledgeworks.pledge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import org.pledgeworks.pledge.links.VerificationLinks;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.CampaignFixture.TestCampaign;
import org.pledgeworks.pledge.support.ServiceIT;
import org.pledgeworks.pledge.support.Signer;
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
    void openingTheLinkConfirmsNothingItShowsAPageThatConfirmsByPost() {
        JsonNode mail = signAndReadMail(aPledge().json());
        String path = Api.pathOf(mail.get("verificationUrl").asString());

        HttpResponse<String> scanner = api.get(path);
        HttpResponse<String> checker = api.get(path, "application/json");

        assertThat(scanner.statusCode()).isEqualTo(200);
        assertThat(scanner.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(scanner.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(scanner.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(scanner.body()).contains("<form method=\"post\" data-autosubmit>")
                .contains("<noscript><button type=\"submit\">Confirm my signature</button></noscript>")
                .contains("<script src=\"/js/verify.js\"></script>")
                .doesNotContain("confirmed");
        assertThat(scanner.body().split("<script", -1)).as("no inline script: the gateway's CSP refuses it")
                .hasSize(2);
        assertThat(checker.statusCode()).isEqualTo(405);
        assertThat(checker.headers().firstValue("Allow")).hasValue("POST");
        assertThat(checker.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String signatureId = mail.get("signatureId").asString();
        assertThat(KafkaProbe.allRecords("pledges", r -> "pledge-verified.v1".equals(KafkaProbe.header(r, "ce_type"))
                && signatureId.equals(r.key()), Duration.ofSeconds(3))).as("no verification announced").isEmpty();
        assertThat(api.get("/api/campaigns/" + campaign.slug() + "/count", "application/json").body())
                .contains("\"total\":0");
        assertThat(api.get(path).body()).as("still waiting to be confirmed").contains("data-autosubmit");
    }

    @Test
    void thePostVerifiesOnceCountsOnceAndShowsTheSamePageEveryTime() {
        JsonNode mail = signAndReadMail(aPledge().with("country", "FR").json());

        HttpResponse<String> first = Signer.confirm(api, mail);
        HttpResponse<String> second = Signer.confirm(api, mail);

        assertThat(first.statusCode()).isEqualTo(second.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(second.body()).contains("your signature is confirmed")
                .doesNotContain("<form");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(first.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
        List<ConsumerRecord<String, String>> verified = KafkaProbe.awaitRecords("pledges",
                r -> "pledge-verified.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(campaign.id()),
                1, Duration.ofSeconds(20));
        EventContract.assertValid("pledges/pledge-verified.v1", verified.get(0).value());
        JsonNode count = awaitCount(1);
        assertThat(count.get("byCountry").get("FR").asLong()).isEqualTo(1);
        assertThat(KafkaProbe.allRecords("pledges", r -> "pledge-verified.v1".equals(KafkaProbe.header(r, "ce_type"))
                && r.value().contains(campaign.id()), Duration.ofSeconds(3))).as("verified once, announced once").hasSize(1);
        assertThat(api.get(Api.pathOf(mail.get("verificationUrl").asString())).body())
                .as("opening the link again shows the success, no form").isEqualTo(first.body());
    }

    @Test
    void anApiClientConfirmsByPostWithJson() {
        JsonNode mail = signAndReadMail(aPledge().json());
        String path = Api.pathOf(mail.get("verificationUrl").asString());

        HttpResponse<String> first = api.post(path, null, HttpRequest.BodyPublishers.noBody(), "Accept",
                "application/json");
        HttpResponse<String> again = api.post(path, null, HttpRequest.BodyPublishers.noBody(), "Accept",
                "application/json");

        assertThat(first.statusCode()).isEqualTo(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("status").asString()).isEqualTo("verified");
        assertThat(again.body()).isEqualTo(first.body());
        awaitCount(1);
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

        HttpResponse<String> response = api.post("/verify/" + tampered, null, HttpRequest.BodyPublishers.noBody(),
                "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.get("/verify/" + tampered).statusCode()).isEqualTo(400);
    }

    @Test
    void anExpiredLinkSaysSo() {
        String link = signAndReadLink(aPledge().json());
        String signatureId = new String(java.util.Base64.getUrlDecoder().decode(
                link.substring(link.lastIndexOf('/') + 1).split("\\.")[0]));
        String expired = links.create(signatureId, TestClock.now().minus(Duration.ofDays(8))).url().toString();

        String path = Api.pathOf(expired);

        HttpResponse<String> opened = api.get(path);
        HttpResponse<String> posted = api.post(path, null, HttpRequest.BodyPublishers.noBody(), "Accept", "text/html");

        assertThat(opened.statusCode()).isEqualTo(posted.statusCode()).isEqualTo(410);
        assertThat(opened.body()).contains("expired").doesNotContain("<form");
        assertThat(posted.body()).isEqualTo(opened.body());
    }

    private String signAndReadLink(String body) {
        return signAndReadMail(body).get("verificationUrl").asString();
    }

    private JsonNode signAndReadMail(String body) {
        assertThat(api.sign(campaign.slug(), body).statusCode()).isEqualTo(202);
        return Signer.readSignedMail(json.readTree(body).get("email").asString());
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
