package org.pledgeworks.campaign.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.pledgeworks.campaign.support.OpportunityMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.campaign.support.StaffAuthorisation;
import org.pledgeworks.kit.testing.StaffTokens;

/**
 * Every opportunity endpoint × role × the caller's organisation, for opportunities posted by the
 * campaign's owner and by a partner. The caller's organisation is the posting one, the campaign's other
 * organisation, or one not on the campaign. Not on the campaign: 404, as for the rest of a campaign.
 * On it: everyone reads; only editors and admins of the posting organisation change (403 for the rest).
 * A call expected to change an opportunity gets one of its own; every other call leaves it as it was, so
 * those share one draft and one published opportunity per posting organisation.
 */
class OpportunityAuthorisationIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";
    private static String campaignId;
    /** By posting organisation and state: what the calls expected to change nothing are made on. */
    private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

    enum Caller { POSTING, OTHER_ON_CAMPAIGN, NOT_ON_CAMPAIGN }

    /** @param published whether it is called on a published opportunity (the rest on a draft) */
    record Endpoint(String name, boolean changes, boolean published, int success, Call call) {

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> call(OpportunityAuthorisationIT test, String opportunityId, String posting, String token);
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET list", false, false, 200,
                        (t, o, p, tok) -> t.get(BASE + campaignId + "/opportunities", tok)),
                new Endpoint("GET one", false, false, 200,
                        (t, o, p, tok) -> t.get(BASE + campaignId + "/opportunities/" + o, tok)),
                new Endpoint("POST new", true, false, 201,
                        (t, o, p, tok) -> t.post(BASE + campaignId + "/opportunities", tok,
                                OpportunityMother.inPerson(p))),
                new Endpoint("PUT edit", true, false, 200,
                        (t, o, p, tok) -> t.put(BASE + campaignId + "/opportunities/" + o, tok,
                                OpportunityMother.remote(p))),
                new Endpoint("POST publish", true, false, 200,
                        (t, o, p, tok) -> t.post(BASE + campaignId + "/opportunities/" + o + "/publish", tok, null)),
                new Endpoint("POST close", true, true, 200,
                        (t, o, p, tok) -> t.post(BASE + campaignId + "/opportunities/" + o + "/close", tok, null)),
                new Endpoint("POST fill", true, true, 200,
                        (t, o, p, tok) -> t.post(BASE + campaignId + "/opportunities/" + o + "/fill", tok, null)));
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
    void onlyThePostingOrganisationsEditorsAndAdminsChangeAnOpportunity(Endpoint endpoint, String posting,
            String role, Caller caller) {
        fixture();
        int expected = StaffAuthorisation.expected(caller != Caller.NOT_ON_CAMPAIGN, endpoint.changes(),
                caller == Caller.POSTING && !role.equals("viewer"), endpoint.success());
        String opportunityId = endpoint.changes() && expected == endpoint.success()
                ? opportunity(posting, endpoint.published())
                : SHARED.computeIfAbsent(posting + (endpoint.published() ? " published" : " draft"),
                        key -> opportunity(posting, endpoint.published()));
        String organisation = switch (caller) {
            case POSTING -> posting;
            case OTHER_ON_CAMPAIGN -> posting.equals(CampaignMother.OWNER) ? CampaignMother.PARTNER : CampaignMother.OWNER;
            case NOT_ON_CAMPAIGN -> CampaignMother.OTHER;
        };

        HttpResponse<String> response = endpoint.call().call(this, opportunityId, posting,
                StaffTokens.forRoles(Map.of(organisation, role)));

        StaffAuthorisation.assertAnswered(response, expected);
    }

    private synchronized void fixture() {
        if (campaignId != null) {
            return;
        }
        campaignId = openCampaign(CampaignMother.draft());
    }

    /** A draft posted by an editor of {@code posting}, and published by them if {@code published}. */
    private String opportunity(String posting, boolean published) {
        HttpResponse<String> posted = post(BASE + campaignId + "/opportunities", editorOf(posting),
                OpportunityMother.inPerson(posting));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String opportunityId = read(posted).get("opportunityId").asString();
        if (published) {
            assertThat(post(BASE + campaignId + "/opportunities/" + opportunityId + "/publish", editorOf(posting),
                    null).statusCode()).isEqualTo(200);
        }
        return opportunityId;
    }

    private static String editorOf(String organisation) {
        return StaffTokens.forRoles(Map.of(organisation, "editor"));
    }
}
