package org.pledgeworks.pledge.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pledgeworks.pledge.support.PledgeMother.aPledge;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.CampaignFixture;
import org.pledgeworks.pledge.support.CampaignFixture.TestCampaign;
import org.pledgeworks.pledge.support.PledgeMother;
import org.pledgeworks.pledge.support.ServiceIT;
import org.pledgeworks.pledge.support.Signer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Referral codes handed out on signing, and the staff report of where a campaign's signatures come from. */
class SourceReportIT extends ServiceIT {

    static final String OWNER = "fair-supply-coalition";
    static final String PARTNER = "workers-voice";

    @LocalServerPort
    int port;

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
    void eachSignerGetsOneReferralCodeWhetherOrNotTheySignedBefore() {
        PledgeMother ada = aPledge();
        String first = referralCode(api.sign(campaign.slug(), ada.json()));
        String again = referralCode(api.sign(campaign.slug(), ada.with("name", "Someone Else").json()));
        String other = referralCode(api.sign(campaign.slug(), aPledge().json()));

        assertThat(first).matches(ReferralCodes.PATTERN).isEqualTo(again).isNotEqualTo(other);
        assertThat(api.postJson("/api/campaigns/" + campaign.slug() + "/pledges/resend",
                "{\"email\":\"" + ada.email() + "\"}").body()).doesNotContain("referralCode");
    }

    @Test
    void staffSeeSignaturesBySourceAndByReferralCountingOnlyConfirmedOnesAsConfirmed() {
        PledgeMother sharer = aPledge();
        Signer.signAndVerify(api, campaign.slug(), sharer);
        // what the page shows after signing; a second signature by the same person changes nothing
        String code = referralCode(api.sign(campaign.slug(), sharer.json()));
        PledgeMother viaWhatsApp = aPledge().with("source", Map.of("utm_source", "whatsapp", "utm_medium", "share",
                "ref", code));
        Signer.signAndVerify(api, campaign.slug(), viaWhatsApp);
        api.sign(campaign.slug(), aPledge().with("source", Map.of("utm_source", "whatsapp", "utm_medium", "share",
                "ref", code)).json());
        Signer.signAndVerify(api, campaign.slug(), aPledge().with("source", Map.of("utm_source", "newsletter")));

        JsonNode report = report(StaffTokens.forRoles(Map.of(PARTNER, "viewer")));

        assertThat(report.get("campaign").asString()).isEqualTo(campaign.slug());
        assertThat(report.get("signatures").asLong()).isEqualTo(4);
        assertThat(report.get("confirmed").asLong()).isEqualTo(3);
        JsonNode whatsApp = report.get("bySource").get(0);
        assertThat(whatsApp.get("source").asString()).isEqualTo("whatsapp");
        assertThat(whatsApp.get("medium").asString()).isEqualTo("share");
        assertThat(whatsApp.get("signatures").asLong()).isEqualTo(2);
        assertThat(whatsApp.get("confirmed").asLong()).isEqualTo(1);
        assertThat(report.get("bySource")).hasSize(3).anySatisfy(row -> {
            assertThat(row.get("source").isNull()).as("signed without tags").isTrue();
            assertThat(row.get("confirmed").asLong()).isEqualTo(1);
        });
        JsonNode referrals = report.get("referrals");
        assertThat(referrals.get("signatures").asLong()).isEqualTo(2);
        assertThat(referrals.get("confirmed").asLong()).isEqualTo(1);
        assertThat(referrals.get("referrers").asLong()).isEqualTo(1);
        assertThat(referrals.get("top").get(0).get("code").asString()).isEqualTo(code);
        assertThat(report.toString()).as("figures, no people").doesNotContain("@").doesNotContain(sharer.email());
    }

    @Test
    void theFormWithoutScriptRecordsTheLinksTagsAndOffersTheSignersOwnLink() {
        PledgeMother signer = aPledge();
        HttpResponse<String> page = api.post("/api/campaigns/" + campaign.slug() + "/pledges",
                "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "name", "Grace Form", "email", signer.email(), "country", "GB",
                        "ref", "abcdef123", "utm_source", "telegram", "utm_medium", "share"))),
                "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        String own = referralCode(api.sign(campaign.slug(), signer.json()));
        assertThat(page.body()).contains("/campaigns/" + campaign.slug() + "?ref=" + own);
        JsonNode report = report(StaffTokens.forRoles(Map.of(OWNER, "editor")));
        assertThat(report.get("referrals").get("top").get(0).get("code").asString()).isEqualTo("abcdef123");
        assertThat(report.get("bySource").get(0).get("source").asString()).isEqualTo("telegram");
    }

    @Test
    void onlyStaffOfTheCampaignsOrganisationsSeeTheReport() {
        String path = "/api/staff/pledges/campaigns/" + campaign.slug() + "/sources";
        assertThat(api.get(path, "application/json").statusCode()).as("no token").isEqualTo(401);
        assertThat(api.get(path, "application/json", "Authorization",
                "Bearer " + StaffTokens.forRoles(Map.of("another-coalition", "admin"))).statusCode())
                .as("another organisation's admin").isEqualTo(403);
        HttpResponse<String> viewer = api.get(path, "application/json", "Authorization",
                "Bearer " + StaffTokens.forRoles(Map.of(OWNER, "viewer")));
        assertThat(viewer.statusCode()).as("owner's viewer").isEqualTo(200);
        assertThat(viewer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(api.get("/api/staff/pledges/campaigns/no-such-campaign/sources", "application/json",
                "Authorization", "Bearer " + StaffTokens.forRoles(Map.of(OWNER, "admin"))).statusCode())
                .isEqualTo(404);
    }

    private JsonNode report(String token) {
        HttpResponse<String> response = api.get("/api/staff/pledges/campaigns/" + campaign.slug() + "/sources",
                "application/json", "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String referralCode(HttpResponse<String> signed) {
        assertThat(signed.statusCode()).isEqualTo(202);
        return json.readTree(signed.body()).get("referralCode").asString();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
