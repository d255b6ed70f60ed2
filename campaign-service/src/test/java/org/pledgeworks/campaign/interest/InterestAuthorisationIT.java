package org.pledgeworks.campaign.interest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.InterestMother;
import org.pledgeworks.campaign.support.OpportunityMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.campaign.support.StaffAuthorisation;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees the people interested in an opportunity, and who tracks them: staff of the posting organisation
 * only (any role reads; editors and admins change the status). The campaign's other organisation gets 403,
 * like any change to an opportunity it did not post; an organisation not on the campaign gets 404, as for
 * the rest of the campaign. For opportunities posted by the owner and by a partner. ({@code ?format=csv} and
 * {@code PUT …/status} are the same handlers as the CSV and PATCH endpoints here, so InterestIT covers them.)
 */
class InterestAuthorisationIT extends ServiceIT {

    private static String campaignId;
    /** By posting organisation: an opportunity with one confirmed interest, and that interest. */
    private static final Map<String, String[]> FIXTURES = new ConcurrentHashMap<>();

    @Autowired
    InterestLinks links;

    enum Caller { POSTING, OTHER_ON_CAMPAIGN, NOT_ON_CAMPAIGN }

    record Endpoint(String name, boolean changes, Call call) {

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> call(InterestAuthorisationIT test, String opportunityId, String interestId, String token);
    }

    static List<Endpoint> endpoints() {
        String base = "/api/staff/opportunities/";
        return List.of(
                new Endpoint("GET list", false, (t, o, i, tok) -> t.get(base + o + "/interest", tok)),
                new Endpoint("GET csv", false, (t, o, i, tok) -> t.get(base + o + "/interest.csv", tok)),
                new Endpoint("PATCH status", true, (t, o, i, tok) -> t.send(t.request(base + o + "/interest/" + i, tok)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"contacted\"}")))));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String posting : List.of(CampaignMother.OWNER, CampaignMother.PARTNER)) {
                for (String role : List.of("admin", "editor", "viewer")) {
                    for (Caller caller : Caller.values()) {
                        cases.add(Arguments.of(endpoint, posting, role, caller));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} of {1}'s opportunity as {2} of {3}")
    @MethodSource("matrix")
    void onlyThePostingOrganisationSeesAndOnlyItsEditorsAndAdminsTrack(Endpoint endpoint, String posting, String role,
            Caller caller) {
        String[] fixture = FIXTURES.computeIfAbsent(posting, this::opportunityWithInterest);
        int expected = switch (caller) {
            case NOT_ON_CAMPAIGN -> 404;
            case OTHER_ON_CAMPAIGN -> 403;
            case POSTING -> StaffAuthorisation.expected(true, endpoint.changes(), !role.equals("viewer"), 200);
        };
        String organisation = switch (caller) {
            case POSTING -> posting;
            case OTHER_ON_CAMPAIGN -> posting.equals(CampaignMother.OWNER) ? CampaignMother.PARTNER : CampaignMother.OWNER;
            case NOT_ON_CAMPAIGN -> CampaignMother.OTHER;
        };

        HttpResponse<String> response = endpoint.call().call(this, fixture[0], fixture[1],
                StaffTokens.forRoles(Map.of(organisation, role)));

        StaffAuthorisation.assertAnswered(response, expected);
        if (expected == 200 && !endpoint.changes()) {
            assertThat(response.body()).as("the interested person is shown").contains("@example.org");
        }
        if (expected != 200) {
            assertThat(response.body()).doesNotContain("@example.org");
        }
    }

    @ParameterizedTest(name = "without a token: {0}")
    @MethodSource("endpoints")
    void withoutATokenNothingIsShown(Endpoint endpoint) {
        String[] fixture = FIXTURES.computeIfAbsent(CampaignMother.OWNER, this::opportunityWithInterest);

        HttpResponse<String> response = endpoint.call().call(this, fixture[0], fixture[1], null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private synchronized String[] opportunityWithInterest(String posting) {
        if (campaignId == null) {
            campaignId = openCampaign(CampaignMother.draft());
        }
        String editor = StaffTokens.forRoles(Map.of(posting, "editor"));
        String base = "/api/staff/campaigns/" + campaignId + "/opportunities";
        String opportunityId = read(post(base, editor, OpportunityMother.inPerson(posting))).get("opportunityId")
                .asString();
        assertThat(post(base + "/" + opportunityId + "/publish", editor, null).statusCode()).isEqualTo(200);
        Map<String, Object> body = InterestMother.interest();
        assertThat(post("/api/opportunities/" + opportunityId + "/interest", null, body).statusCode()).isEqualTo(202);
        String interestId = Interest.idFor(opportunityId, (String) body.get("email"));
        assertThat(send(request(links.confirm(interestId, TestClock.now()).url().getPath(), null)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(200);
        return new String[] {opportunityId, interestId};
    }
}
