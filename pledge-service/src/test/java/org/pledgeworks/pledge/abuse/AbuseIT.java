package org.pledgeworks.pledge.abuse;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
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

class AbuseIT extends ServiceIT {

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
    void aFilledHoneypotIsQuarantinedUnmailedAndAnsweredLikeAnyOther() {
        HttpResponse<String> good = api.sign(campaign.slug(), aPledge().json());
        String robot = aPledge().email();
        HttpResponse<String> caught = api.sign(campaign.slug(), aPledge().with("email", robot)
                .with("website", "http://spam.example").json());

        assertThat(caught.statusCode()).isEqualTo(good.statusCode()).isEqualTo(202);
        // the same answer but for the referral code, which is each person's own
        assertThat(withoutReferralCode(caught.body())).isEqualTo(withoutReferralCode(good.body()))
                .contains("pending");
        Document held = byEmail(robot);
        assertThat(held.getString("review")).isEqualTo("QUARANTINED");
        assertThat(held.getString("reviewReason")).isEqualTo("honeypot");
        assertThat(KafkaProbe.allRecords("pledges", r -> r.value().contains(robot), Duration.ofSeconds(2)))
                .as("no mail for a robot").isEmpty();
    }

    @Test
    void overTheIpLimitSignaturesAreHeldOutOfTheCountUntilStaffReleaseThem() {
        String ip = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String email = aPledge().email();
            emails.add(email);
            assertThat(api.signFrom(campaign.slug(), aPledge().with("email", email).json(), ip).statusCode())
                    .isEqualTo(202);
        }
        // rate-limited signers may be an office behind one address: they still get mail and can verify
        for (String email : emails) {
            JsonNode mail = Signer.readSignedMail(email);
            assertThat(Signer.confirm(api, mail).statusCode()).isEqualTo(200);
        }
        Signer.awaitCount(api, campaign.slug(), 5);
        awaitTransparency("quarantinedByReason", "ip-rate", 2);
        // the verifications of the held two say they do not count, so no consumer counts or subscribes them
        for (int i = 0; i < emails.size(); i++) {
            JsonNode verified = verifiedEvent(emails.get(i));
            assertThat(verified.get("counted").asBoolean()).as("counted of signer %d", i).isEqualTo(i < 5);
        }

        String editor = StaffTokens.forRoles(Map.of("fair-supply-coalition", "editor"));
        HttpResponse<String> list = api.get(staff("/quarantine"), "application/json", "Authorization", "Bearer " + editor);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode items = json.readTree(list.body()).get("items");
        assertThat(items).hasSize(2);
        assertThat(list.body()).doesNotContain(emails.get(5)).doesNotContain(emails.get(6)).contains("***@example.org");
        String ipHash = items.get(0).get("ipHash").asString();

        HttpResponse<String> released = api.postJson(staff("/quarantine/release"), "{\"ipHash\":\"" + ipHash + "\"}",
                "Authorization", "Bearer " + editor);

        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(json.readTree(released.body()).get("changed").asInt()).isEqualTo(2);
        Signer.awaitCount(api, campaign.slug(), 7);
        awaitTransparency("releasedByReason", "ip-rate", 2);
        List<String> heldIds = List.of(byEmail(emails.get(5)).getString("_id"), byEmail(emails.get(6)).getString("_id"));
        KafkaProbe.awaitRecords("pledges", r -> released(r) && heldIds.contains(r.key()), 2, Duration.ofSeconds(20));
        List<ConsumerRecord<String, String>> releases = KafkaProbe.allRecords("pledges",
                r -> released(r) && heldIds.contains(r.key()), Duration.ofSeconds(2));
        assertThat(releases).as("one pledge-released per held verified signature").hasSize(2);
        for (ConsumerRecord<String, String> record : releases) {
            EventContract.assertValid("pledges/pledge-released.v1", record.value());
            JsonNode event = json.readTree(record.value());
            assertThat(event.get("campaignId").asString()).isEqualTo(campaign.id());
            assertThat(event.get("consentToUpdates").asBoolean()).isTrue();
            assertThat(List.of(emails.get(5), emails.get(6))).contains(event.get("email").asString());
        }
    }

    @Test
    void aVerifiedSignatureThatStaffInvalidateNeverCountsAnywhere() {
        String ip = "198.18." + new java.util.Random().nextInt(256) + "." + (1 + new java.util.Random().nextInt(250));
        List<JsonNode> mails = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = aPledge().email();
            assertThat(api.signFrom(campaign.slug(), aPledge().with("email", email).json(), ip).statusCode())
                    .isEqualTo(202);
            mails.add(Signer.readSignedMail(email));
        }
        for (JsonNode mail : mails) {
            assertThat(Signer.confirm(api, mail).statusCode()).isEqualTo(200);
        }
        Signer.awaitCount(api, campaign.slug(), 5);
        String heldId = mails.get(5).get("signatureId").asString();
        assertThat(byId(heldId).getString("review")).isEqualTo("QUARANTINED");
        String admin = StaffTokens.forRoles(Map.of("workers-voice", "admin"));

        HttpResponse<String> invalidated = api.postJson(staff("/quarantine/invalidate"),
                "{\"ipHash\":\"" + byId(heldId).getString("ipHash") + "\"}", "Authorization", "Bearer " + admin);
        assertThat(json.readTree(invalidated.body()).get("changed").asInt()).isEqualTo(1);
        assertThat(api.post(Api.pathOf(mails.get(5).get("withdrawUrl").asString()), "application/x-www-form-urlencoded",
                java.net.http.HttpRequest.BodyPublishers.noBody()).statusCode()).isEqualTo(200);

        JsonNode withdrawn = json.readTree(KafkaProbe.awaitRecord("pledges",
                r -> "pledge-withdrawn.v1".equals(KafkaProbe.header(r, "ce_type")) && heldId.equals(r.key()),
                Duration.ofSeconds(20)).value());
        assertThat(withdrawn.get("wasVerified").asBoolean()).isTrue();
        assertThat(withdrawn.get("wasCounted").asBoolean()).as("it never counted").isFalse();
        assertThat(KafkaProbe.allRecords("pledges", r -> released(r) && heldId.equals(r.key()), Duration.ofSeconds(2)))
                .as("an invalidated signature is never released").isEmpty();
        Signer.awaitCount(api, campaign.slug(), 5);
    }

    private static boolean released(ConsumerRecord<String, String> record) {
        return "pledge-released.v1".equals(KafkaProbe.header(record, "ce_type"));
    }

    private JsonNode verifiedEvent(String email) {
        ConsumerRecord<String, String> record = KafkaProbe.awaitRecord("pledges",
                r -> "pledge-verified.v1".equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(email),
                Duration.ofSeconds(20));
        EventContract.assertValid("pledges/pledge-verified.v1", record.value());
        return json.readTree(record.value());
    }

    private Document byId(String signatureId) {
        return database.getCollection(Signatures.COLLECTION).find(eq("_id", signatureId)).first();
    }

    @Test
    void aBlockedDomainIsHeldAndInvalidatingItKeepsItOutForGood() {
        String email = "someone-" + UUID.randomUUID().toString().substring(0, 6) + "@throwaway.test";
        api.sign(campaign.slug(), aPledge().with("email", email).json());
        assertThat(byEmail(email).getString("reviewReason")).isEqualTo("blocked-domain");
        String admin = StaffTokens.forRoles(Map.of("workers-voice", "admin"));

        HttpResponse<String> invalidated = api.postJson(staff("/quarantine/invalidate"),
                "{\"domain\":\"throwaway.test\",\"from\":\"" + TestClock.now().minusSeconds(600) + "\"}",
                "Authorization", "Bearer " + admin);

        assertThat(json.readTree(invalidated.body()).get("changed").asInt()).isEqualTo(1);
        assertThat(byEmail(email).getString("review")).isEqualTo("INVALIDATED");
        awaitTransparency("invalidatedByReason", "blocked-domain", 1);
    }

    @Test
    void overTheDomainLimitSignaturesAreHeld() {
        String domain = "org-" + UUID.randomUUID().toString().substring(0, 6) + ".test";
        for (int i = 0; i < 6; i++) {
            api.sign(campaign.slug(), aPledge().with("email", "p" + i + "@" + domain).json());
        }

        assertThat(byEmail("p5@" + domain).getString("reviewReason")).isEqualTo("domain-rate");
        assertThat(byEmail("p4@" + domain).get("review")).isNull();
    }

    @Test
    void onlyAdminsAndEditorsOfTheCampaignsOrganisationsMayReview() {
        String path = staff("/quarantine");
        String viewer = StaffTokens.forRoles(Map.of("fair-supply-coalition", "viewer"));
        String otherOrganisation = StaffTokens.forRoles(Map.of("another-coalition", "admin"));
        Map<String, String> admin = Map.of("fair-supply-coalition", "admin");
        String wrongAudience = StaffTokens.token().organisations(admin).audience("someone-else").sign();
        String wrongIssuer = StaffTokens.token().organisations(admin).issuer("http://evil.test").sign();
        String expired = StaffTokens.token().organisations(admin).expiresAt(TestClock.now().minusSeconds(600)).sign();

        assertThat(api.get(path, "application/json").statusCode()).isEqualTo(401);
        assertThat(api.get(path, "application/json", "Authorization", "Bearer " + wrongAudience).statusCode())
                .isEqualTo(401);
        assertThat(api.get(path, "application/json", "Authorization", "Bearer " + wrongIssuer).statusCode())
                .isEqualTo(401);
        assertThat(api.get(path, "application/json", "Authorization", "Bearer " + expired).statusCode())
                .isEqualTo(401);
        assertThat(api.get(path, "application/json", "Authorization", "Bearer " + viewer).statusCode()).isEqualTo(403);
        assertThat(api.postJson(staff("/quarantine/release"), "{\"domain\":\"example.org\"}",
                "Authorization", "Bearer " + otherOrganisation).statusCode()).isEqualTo(403);
    }

    private String staff(String suffix) {
        return "/api/staff/pledges/campaigns/" + campaign.slug() + suffix;
    }

    private JsonNode transparency() {
        HttpResponse<String> response = api.get("/api/campaigns/" + campaign.slug() + "/pledges/moderation",
                "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void awaitTransparency(String group, String reason, long expected) {
        Instant deadline = TestClock.now().plusSeconds(15);
        JsonNode t = null;
        while (TestClock.now().isBefore(deadline)) {
            t = transparency();
            if (t.get(group).has(reason) && t.get(group).get(reason).asLong() == expected) {
                return;
            }
            try {
                Thread.sleep(200);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError(group + "." + reason + " never became " + expected + ": " + t);
    }

    private Document byEmail(String email) {
        return database.getCollection(Signatures.COLLECTION).find(eq("email", email)).first();
    }

    private static String withoutReferralCode(String body) {
        return body.replaceAll(",\"referralCode\":\"[A-Za-z0-9_-]+\"", "");
    }
}
