package org.pledgeworks.campaign.interest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.campaign.support.BadInput;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.InterestMother;
import org.pledgeworks.campaign.support.OpportunityMother;
import org.pledgeworks.campaign.support.ServiceIT;

/** Hostile or careless input to the interest endpoints: 400, problem details naming each field; never 500. */
class InterestBadInputIT extends ServiceIT {

    private static final String EXPRESS = "/api/opportunities/{o}/interest";
    private static String opportunityId;

    static BadInput express(String name, Object body, String... fields) {
        return new BadInput(name, "POST", EXPRESS, body, List.of(fields));
    }

    static Map<String, Object> with(String field, Object value) {
        return InterestMother.with(InterestMother.interest(), field, value);
    }

    static Stream<Arguments> cases() {
        Map<String, Object> threeBad = with("name", "");
        threeBad.put("email", "nope");
        threeBad.put("consent", false);
        return Stream.of(
                express("no name", with("name", null), "name"),
                express("blank name", with("name", "  "), "name"),
                express("name of 201 characters", with("name", "n".repeat(201)), "name"),
                express("a name with a line break", with("name", "Ada\r\nBcc: x@example.org"), "name"),
                express("no email", with("email", null), "email"),
                express("an email that is not one", with("email", "not-an-address"), "email"),
                express("an email of 255 characters", with("email", "e".repeat(243) + "@example.org"), "email"),
                express("a message over 2000 characters", with("message", "m".repeat(2001)), "message"),
                express("no consent", with("consent", null), "consent"),
                express("consent refused", with("consent", false), "consent"),
                express("consent as a word", with("consent", "maybe"), "consent"),
                express("no consent wording", with("consentWording", null), "consentWording"),
                express("no consent version", with("consentVersion", null), "consentVersion"),
                express("a consent version with spaces", with("consentVersion", "v 1"), "consentVersion"),
                express("a consent version the service does not know", with("consentVersion", "1999-01"),
                        "consentVersion"),
                express("a locale that is no language tag", with("locale", "english"), "locale"),
                express("three bad fields at once", threeBad, "name", "email", "consent"),
                express("not JSON", "{\"name\": ", "body"),
                express("an array for an object", "[]", "body"),
                new BadInput("staff: a status that does not exist", "PUT",
                        "/api/staff/opportunities/{o}/interest/i-x/status", Map.of("status", "hired"), List.of("status")),
                new BadInput("staff: no status", "PUT", "/api/staff/opportunities/{o}/interest/i-x/status", Map.of(),
                        List.of("status")),
                new BadInput("staff: a format that does not exist", "GET",
                        "/api/staff/opportunities/{o}/interest?format=xml", null, List.of("format")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsAProblemNamingTheField(BadInput c) {
        fixture();

        c.assertRefusedBy(this, c.path().replace("{o}", opportunityId), CampaignMother.ownerAdmin());
    }

    private synchronized void fixture() {
        if (opportunityId != null) {
            return;
        }
        String campaignId = openCampaign(CampaignMother.draft());
        String base = "/api/staff/campaigns/" + campaignId + "/opportunities";
        opportunityId = read(post(base, CampaignMother.ownerAdmin(), OpportunityMother.inPerson(CampaignMother.OWNER)))
                .get("opportunityId").asString();
        post(base + "/" + opportunityId + "/publish", CampaignMother.ownerAdmin(), null);
    }
}
