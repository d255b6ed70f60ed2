package org.pledgeworks.campaign.opportunities;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.campaign.support.BadInput;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.OpportunityMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;

/** Hostile or careless input to the opportunity endpoints: 400, problem details naming each field; never 500. */
class OpportunityBadInputIT extends ServiceIT {

    private static final String NEW = "/api/staff/campaigns/{c}/opportunities";
    private static String campaignId;
    private static String slug;
    private static String opportunityId;

    static Map<String, Object> with(String field, Object value) {
        return OpportunityMother.with(OpportunityMother.inPerson(CampaignMother.OWNER), field, value);
    }

    static BadInput create(String name, Map<String, Object> body, String... fields) {
        return new BadInput(name, "POST", NEW, body, List.of(fields));
    }

    static BadInput list(String name, String query, String field) {
        return new BadInput(name, "GET", "/api/campaigns/{s}/opportunities?" + query, null, List.of(field));
    }

    static Stream<Arguments> cases() {
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> endsFirst = with("startsAt", now.plus(10, ChronoUnit.DAYS).toString());
        endsFirst.put("endsAt", now.plus(9, ChronoUnit.DAYS).toString());
        Map<String, Object> threeBad = with("title", "");
        threeBad.put("peopleWanted", 0);
        threeBad.put("contact", Map.of("email", "nope"));
        return Stream.of(
                create("no title", with("title", null), "title"),
                create("blank title", with("title", "   "), "title"),
                create("title of 201 characters", with("title", "x".repeat(201)), "title"),
                create("no description", with("description", null), "description"),
                create("description over 20,000 characters", with("description", "y".repeat(20_001)), "description"),
                create("no posting organisation", with("postingOrganisation", null), "postingOrganisation"),
                create("21 skills", with("skills", Collections.nCopies(21, "s")), "skills"),
                create("a blank skill", with("skills", List.of("speaking", " ")), "skills[1]"),
                create("a skill of 61 characters", with("skills", List.of("z".repeat(61))), "skills[0]"),
                create("time commitment of 201 characters", with("timeCommitment", "t".repeat(201)), "timeCommitment"),
                create("neither remote nor a place", with("place", null), "place"),
                create("a place without a city", with("place", Map.of("countryCode", "DE")), "place.city"),
                create("a country in lower case", with("place", Map.of("city", "Lyon", "countryCode", "fr")), "place.countryCode"),
                create("a country of three letters", with("place", Map.of("city", "Lyon", "countryCode", "FRA")), "place.countryCode"),
                create("a country that does not exist", with("place", Map.of("city", "Nowhere", "countryCode", "XX")), "place.countryCode"),
                create("an address of 201 characters", with("place", Map.of("city", "Lyon", "countryCode", "FR",
                        "address", "a".repeat(201))), "place.address"),
                create("start not a date", with("startsAt", "next monday"), "startsAt"),
                create("end before start", endsFirst, "endsAt"),
                create("nobody wanted", with("peopleWanted", 0), "peopleWanted"),
                create("negative people wanted", with("peopleWanted", -3), "peopleWanted"),
                create("a million people wanted", with("peopleWanted", 1_000_000), "peopleWanted"),
                create("people wanted as words", with("peopleWanted", "a few"), "peopleWanted"),
                create("no contact", with("contact", null), "contact"),
                create("an empty contact", with("contact", Map.of()), "contact"),
                create("a contact email that is not one", with("contact", Map.of("email", "not-an-address")), "contact.email"),
                create("a javascript: contact url", with("contact", Map.of("url", "javascript:alert(1)")), "contact.url"),
                create("a plain http contact url", with("contact", Map.of("url", "http://example.org")), "contact.url"),
                create("remote as a word", with("remote", "sometimes"), "remote"),
                create("an organisation not on the campaign", with("postingOrganisation", CampaignMother.OWNER + "-x"),
                        "postingOrganisation"),
                create("three bad fields at once", threeBad, "title", "peopleWanted", "contact.email"),
                new BadInput("not JSON", "POST", NEW, "{\"title\": ", List.of("body")),
                new BadInput("an array for an object", "POST", NEW, "[]", List.of("body")),
                new BadInput("edit that moves it to another organisation", "PUT", NEW + "/{o}",
                        OpportunityMother.inPerson(CampaignMother.PARTNER), List.of("postingOrganisation")),
                list("list: country of one letter", "country=D", "country"),
                list("list: country with a script", "country=%3Cscript%3E", "country"),
                list("list: remote as a word", "remote=perhaps", "remote"),
                list("list: skill of 61 characters", "skill=" + "k".repeat(61), "skill"),
                list("list: page size zero", "size=0", "size"),
                list("list: page size 1000", "size=1000", "size"),
                list("list: negative page", "page=-1", "page"),
                list("list: page not a number", "page=first", "page"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsAProblemNamingTheField(BadInput c) {
        fixtures();
        String path = c.path().replace("{c}", campaignId).replace("{s}", slug).replace("{o}", opportunityId);
        // the organisation not on the campaign: the caller is its editor too, so it is the input that is wrong
        String token = StaffTokens.forRoles(Map.of(CampaignMother.OWNER, "admin",
                CampaignMother.OWNER + "-x", "editor"));

        c.assertRefusedBy(this, path, token);
    }

    private synchronized void fixtures() {
        if (campaignId != null) {
            return;
        }
        Map<String, Object> campaign = CampaignMother.draft();
        slug = (String) campaign.get("slug");
        campaignId = openCampaign(campaign);
        opportunityId = read(post(NEW.replace("{c}", campaignId), CampaignMother.ownerAdmin(),
                OpportunityMother.inPerson(CampaignMother.OWNER))).get("opportunityId").asString();
    }
}
