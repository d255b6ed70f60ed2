package org.pledgeworks.campaign.embeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.StaffTokens;
import tools.jackson.databind.JsonNode;

/** The sites staff allow to frame a campaign's embed, which the gateway writes into its frame-ancestors. */
class EmbedOriginsIT extends ServiceIT {

    @Test
    void staffNameTheSitesThatMayEmbedACampaignAndThePublicListSaysWhichNormalised() {
        Map<String, Object> draft = CampaignMother.draft();
        String campaignId = openCampaign(draft);
        String slug = (String) draft.get("slug");
        assertThat(read(get("/api/campaigns/" + slug + "/embed")).get("origins")).as("none until staff name one")
                .isEmpty();

        HttpResponse<String> set = put(path(campaignId), CampaignMother.ownerAdmin(), Map.of("origins",
                List.of("https://Partner.Example.org/", "https://partner.example.org:443", "https://shop.example.org:8443",
                        "http://localhost:5173")));

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        List<String> expected = List.of("https://partner.example.org", "https://shop.example.org:8443",
                "http://localhost:5173");
        HttpResponse<String> forPage = get("/api/campaigns/" + slug + "/embed");
        assertThat(forPage.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=60");
        assertThat(strings(read(forPage).get("origins"))).isEqualTo(expected);
        assertThat(strings(read(get(path(campaignId), StaffTokens.forRoles(Map.of(CampaignMother.PARTNER, "viewer"))))
                .get("origins"))).as("a partner's viewer reads them").isEqualTo(expected);

        assertThat(put(path(campaignId), CampaignMother.ownerAdmin(), Map.of("origins", List.of())).statusCode())
                .isEqualTo(200);
        assertThat(read(get("/api/campaigns/" + slug + "/embed")).get("origins")).isEmpty();
    }

    @Test
    void aSiteThatIsNotAnOriginIsRefusedNamingItsPlaceInTheList() {
        String campaignId = openCampaign(CampaignMother.draft());
        for (String bad : List.of("http://partner.example.org", "https://partner.example.org/embed", "*",
                "https://*.example.org", "javascript:alert(1)", "https://user@partner.example.org",
                "https://partner.example.org?x=1", "https://bad host.org", "partner.example.org", "")) {
            HttpResponse<String> refused = put(path(campaignId), CampaignMother.ownerAdmin(),
                    Map.of("origins", List.of("https://fine.example.org", bad)));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(read(refused).get("errors").get(0).get("field").asString()).as(bad).isEqualTo("origins[1]");
        }
        List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "https://site" + i + ".example.org")
                .toList();
        HttpResponse<String> tooMany = put(path(campaignId), CampaignMother.ownerAdmin(), Map.of("origins", many));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(read(tooMany).get("errors").get(0).get("field").asString()).isEqualTo("origins");
    }

    @Test
    void viewersReadAndOtherOrganisationsSeeNothing() {
        String campaignId = openCampaign(CampaignMother.draft());
        Map<String, Object> body = Map.of("origins", List.of("https://partner.example.org"));
        assertThat(put(path(campaignId), null, body).statusCode()).as("no token").isEqualTo(401);
        assertThat(put(path(campaignId), StaffTokens.forRoles(Map.of(CampaignMother.OWNER, "viewer")), body)
                .statusCode()).as("owner's viewer").isEqualTo(403);
        assertThat(put(path(campaignId), StaffTokens.forRoles(Map.of("another-coalition", "admin")), body)
                .statusCode()).as("another organisation").isEqualTo(404);
        assertThat(put(path(campaignId), StaffTokens.forRoles(Map.of(CampaignMother.PARTNER, "editor")), body)
                .statusCode()).as("partner's editor").isEqualTo(200);
        assertThat(get("/api/campaigns/no-such-campaign/embed").statusCode()).isEqualTo(404);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String path(String campaignId) {
        return "/api/staff/campaigns/" + campaignId + "/embed";
    }
}
