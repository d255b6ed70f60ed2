package org.pledgeworks.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.campaign.support.BadInput;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ProgressCardBodies;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.TestClock;

/** Bad input is answered 400 with problem details naming each offending field; never 500. */
class BadInputIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";
    private static String campaignId;
    private static String updateId;
    private static String targetId;

    static Map<String, Object> draftWith(String field, Object value) {
        return CampaignMother.with(CampaignMother.draft(), field, value);
    }

    static Stream<Arguments> cases() {
        Map<String, Object> twoBad = draftWith("slug", "Not A Slug");
        twoBad.put("title", "");
        Map<String, Object> noPledge = CampaignMother.draft();
        noPledge.remove("pledgeText");
        // in the future and in the past by the service's clock, whatever the day
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> endsBeforeStart = draftWith("startsAt", now.plus(2, ChronoUnit.DAYS).toString());
        endsBeforeStart.put("endsAt", now.plus(1, ChronoUnit.DAYS).toString());
        String aDayAgo = now.minus(1, ChronoUnit.DAYS).toString();
        return Stream.of(
                new BadInput("slug with spaces", "POST", "/api/staff/campaigns", draftWith("slug", "Bad Slug"), List.of("slug")),
                new BadInput("empty title", "POST", "/api/staff/campaigns", draftWith("title", ""), List.of("title")),
                new BadInput("two bad fields at once", "POST", "/api/staff/campaigns", twoBad, List.of("slug", "title")),
                new BadInput("no pledge text", "POST", "/api/staff/campaigns", noPledge, List.of("pledgeText")),
                new BadInput("negative goal", "POST", "/api/staff/campaigns", draftWith("goal", -5), List.of("goal")),
                new BadInput("goal not a number", "POST", "/api/staff/campaigns", draftWith("goal", "lots"), List.of("goal")),
                new BadInput("locale not a locale", "POST", "/api/staff/campaigns", draftWith("defaultLocale", "english"), List.of("defaultLocale")),
                new BadInput("image over http", "POST", "/api/staff/campaigns", draftWith("imageUrl", "http://images.example.org/a.jpg"), List.of("imageUrl")),
                new BadInput("image as javascript", "POST", "/api/staff/campaigns", draftWith("imageUrl", "javascript:alert(1)"), List.of("imageUrl")),
                new BadInput("end before start", "POST", "/api/staff/campaigns", endsBeforeStart, List.of("endsAt")),
                new BadInput("end not a date", "POST", "/api/staff/campaigns", draftWith("endsAt", "next tuesday"), List.of("endsAt")),
                new BadInput("blank partner", "POST", "/api/staff/campaigns", draftWith("partnerOrganisations", List.of("")), List.of("partnerOrganisations[0]")),
                new BadInput("negative threshold", "POST", "/api/staff/campaigns", draftWith("milestoneThresholds", List.of(-1)), List.of("milestoneThresholds[0]")),
                new BadInput("translation without title", "POST", "/api/staff/campaigns", draftWith("translations", Map.of("fr", Map.of("summary", "x"))), List.of("translations[fr].title")),
                new BadInput("not JSON", "POST", "/api/staff/campaigns", "{not json", List.of("body")),
                new BadInput("an array for an object", "POST", "/api/staff/campaigns", "[1,2]", List.of("body")),
                new BadInput("page size zero", "GET", "/api/campaigns?size=0", null, List.of("size")),
                new BadInput("unknown sort", "GET", "/api/campaigns?sort=popularity", null, List.of("sort")),
                new BadInput("page not a number", "GET", "/api/campaigns?page=first", null, List.of("page")),
                new BadInput("update without body", "POST", BASE + "{c}/updates", Map.of("title", "T"), List.of("body")),
                new BadInput("update in a bad locale", "POST", BASE + "{c}/updates", Map.of("title", "T", "body", "B", "locale", "EN_gb"), List.of("locale")),
                new BadInput("schedule in the past", "POST", BASE + "{c}/updates/{u}/schedule", Map.of("publishAt", aDayAgo), List.of("publishAt")),
                new BadInput("schedule at no time", "POST", BASE + "{c}/updates/{u}/schedule", Map.of("publishAt", "soon"), List.of("publishAt")),
                new BadInput("framework without themes", "PUT", BASE + "{c}/card/framework", Map.of("themes", List.of()), List.of("themes")),
                new BadInput("indicator with an unknown scale", "PUT", BASE + "{c}/card/framework",
                        Map.of("themes", List.of(Map.of("themeId", "t", "name", "T", "indicators",
                                List.of(Map.of("indicatorId", "i", "name", "I", "scale", "stars"))))),
                        List.of("themes[0].indicators[0].scale")),
                new BadInput("assessment off the scale", "PUT", BASE + "{c}/card/targets/{t}/assessments",
                        Map.of("cycle", "2026", "indicatorId", "policy", "value", "maybe"), List.of("value")),
                new BadInput("percent above 100", "PUT", BASE + "{c}/card/targets/{t}/assessments",
                        Map.of("cycle", "2026", "indicatorId", "suppliers", "value", "140"), List.of("value")),
                new BadInput("assessment of an unknown indicator", "PUT", BASE + "{c}/card/targets/{t}/assessments",
                        Map.of("cycle", "2026", "indicatorId", "nope", "value", "yes"), List.of("indicatorId")),
                new BadInput("reply request without deadline", "POST", BASE + "{c}/card/targets/{t}/replies",
                        Map.of("note", "please"), List.of("deadline")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsAProblemNamingTheField(BadInput c) {
        fixtures();
        String path = c.path().replace("{c}", campaignId).replace("{u}", updateId).replace("{t}", targetId);

        c.assertRefusedBy(this, path, CampaignMother.ownerAdmin());
    }

    private synchronized void fixtures() {
        if (campaignId != null) {
            return;
        }
        String token = CampaignMother.ownerAdmin();
        campaignId = read(post("/api/staff/campaigns", token, CampaignMother.draft())).get("campaignId").asString();
        updateId = read(post(BASE + campaignId + "/updates", token, Map.of("title", "T", "body", "B")))
                .get("updateId").asString();
        assertThat(put(BASE + campaignId + "/card/framework", token, ProgressCardBodies.framework()).statusCode())
                .isEqualTo(200);
        targetId = read(post(BASE + campaignId + "/card/targets", token, Map.of("name", "Example plc")))
                .get("targetId").asString();
    }
}
