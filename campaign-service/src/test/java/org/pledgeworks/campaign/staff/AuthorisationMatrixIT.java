package org.pledgeworks.campaign.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.OrganisationMother;
import org.pledgeworks.campaign.support.ProgressCardBodies;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.campaign.support.StaffAuthorisation;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;

/**
 * Every staff endpoint × each role × the caller's organisation being the campaign's owner, a
 * partner, or neither. Neither: 404 (we do not confirm the campaign exists). Viewer: reads yes,
 * changes 403. Editor and admin of owner or partner: allowed. Organisation profiles, which are public,
 * have a matrix of their own below: role × the platform's operators, the organisation itself, another.
 */
class AuthorisationMatrixIT extends ServiceIT {

    enum Relation { OWN, PARTNER, OTHER }

    /** What an endpoint needs to exist before it is called, and how it is called. */
    record Endpoint(String name, boolean changes, boolean needsOpenCampaign, boolean needsUpdate, int success,
            Call call) {

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> call(AuthorisationMatrixIT test, String campaignId, String updateId, String token);
    }

    static final String BASE = "/api/staff/campaigns/";

    static List<Endpoint> endpoints() {
        Map<String, Object> update = Map.of("title", "News", "body", "Some *news*.");
        return List.of(
                new Endpoint("GET campaign", false, false, false, 200, (t, c, u, tok) -> t.get(BASE + c, tok)),
                new Endpoint("GET pledge-text versions", false, false, false, 200,
                        (t, c, u, tok) -> t.get(BASE + c + "/pledge-text", tok)),
                new Endpoint("GET milestones", false, false, false, 200,
                        (t, c, u, tok) -> t.get(BASE + c + "/milestones", tok)),
                new Endpoint("GET updates", false, false, false, 200, (t, c, u, tok) -> t.get(BASE + c + "/updates", tok)),
                new Endpoint("GET update", false, false, true, 200,
                        (t, c, u, tok) -> t.get(BASE + c + "/updates/" + u, tok)),
                new Endpoint("GET update preview", false, false, true, 200,
                        (t, c, u, tok) -> t.get(BASE + c + "/updates/" + u + "/preview", tok)),
                new Endpoint("GET card", false, false, false, 200, (t, c, u, tok) -> t.get(BASE + c + "/card", tok)),
                new Endpoint("PUT campaign", true, false, false, 200,
                        (t, c, u, tok) -> t.put(BASE + c, tok, t.currentAsInput(c))),
                new Endpoint("POST publish", true, false, false, 200, (t, c, u, tok) -> t.post(BASE + c + "/publish", tok, null)),
                new Endpoint("POST close", true, true, false, 200, (t, c, u, tok) -> t.post(BASE + c + "/close", tok, null)),
                new Endpoint("POST archive", true, false, false, 200, (t, c, u, tok) -> t.post(BASE + c + "/archive", tok, null)),
                new Endpoint("POST pledge-text", true, true, false, 200,
                        (t, c, u, tok) -> t.post(BASE + c + "/pledge-text", tok, Map.of("pledgeText", "I pledge anew."))),
                new Endpoint("POST update", true, false, false, 201, (t, c, u, tok) -> t.post(BASE + c + "/updates", tok, update)),
                new Endpoint("PUT update", true, false, true, 200,
                        (t, c, u, tok) -> t.put(BASE + c + "/updates/" + u, tok, update)),
                new Endpoint("POST update schedule", true, false, true, 200,
                        (t, c, u, tok) -> t.post(BASE + c + "/updates/" + u + "/schedule", tok,
                                Map.of("publishAt", TestClock.now().plusSeconds(3600).toString()))),
                new Endpoint("POST update unschedule", true, false, true, 200,
                        (t, c, u, tok) -> t.post(BASE + c + "/updates/" + u + "/unschedule", tok, null)),
                new Endpoint("POST update publish", true, true, true, 200,
                        (t, c, u, tok) -> t.post(BASE + c + "/updates/" + u + "/publish", tok, null)),
                new Endpoint("POST card target", true, false, false, 201,
                        (t, c, u, tok) -> t.post(BASE + c + "/card/targets", tok, Map.of("name", "Example plc"))),
                new Endpoint("PUT card framework", true, false, false, 200,
                        (t, c, u, tok) -> t.put(BASE + c + "/card/framework", tok, ProgressCardBodies.framework())));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String role : List.of("admin", "editor", "viewer")) {
                for (Relation relation : Relation.values()) {
                    cases.add(Arguments.of(endpoint, role, relation));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} of {2}")
    @MethodSource("matrix")
    void staffSeeAndChangeOnlyTheirCampaigns(Endpoint endpoint, String role, Relation relation) {
        int expected = StaffAuthorisation.expected(relation != Relation.OTHER, endpoint.changes(),
                !role.equals("viewer"), endpoint.success());
        // only a change that is expected to succeed needs a campaign of its own; the rest share one
        String[] fixture = endpoint.changes() && expected == endpoint.success()
                ? fresh(endpoint.needsOpenCampaign(), endpoint.needsUpdate())
                : shared(endpoint.needsOpenCampaign());
        String campaignId = fixture[0];
        String updateId = fixture[1];
        String organisation = switch (relation) {
            case OWN -> CampaignMother.OWNER;
            case PARTNER -> CampaignMother.PARTNER;
            case OTHER -> CampaignMother.OTHER;
        };

        HttpResponse<String> response = endpoint.call().call(this, campaignId, updateId,
                StaffTokens.forRoles(Map.of(organisation, role)));

        StaffAuthorisation.assertAnswered(response, expected);
    }

    static Stream<Arguments> creators() {
        List<Arguments> cases = new ArrayList<>();
        for (String role : List.of("admin", "editor", "viewer")) {
            cases.add(Arguments.of(role, CampaignMother.OWNER, role.equals("viewer") ? 403 : 201));
            cases.add(Arguments.of(role, CampaignMother.OTHER, 403));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "create as {0} of {1} → {2}")
    @MethodSource("creators")
    void onlyEditorsAndAdminsCreateAndOnlyForTheirOrganisation(String role, String organisation, int expected) {
        // the body names the owner; the caller's role there decides
        HttpResponse<String> response = post("/api/staff/campaigns", StaffTokens.forRoles(Map.of(organisation, role)), CampaignMother.draft());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }

    /** How the caller's organisation stands to the organisation whose profile is at stake. */
    enum Standing { OPERATORS, OWN, OTHER }

    static Stream<Arguments> organisationMatrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of("POST organisation", "PUT organisation", "GET organisation")) {
            for (String role : List.of("admin", "editor", "viewer")) {
                for (Standing standing : Standing.values()) {
                    cases.add(Arguments.of(endpoint, role, standing));
                }
            }
        }
        return cases.stream();
    }

    /**
     * Organisation profiles are public, so nothing here is a 404: any staff member reads one; only admins
     * of the platform's operating organisations create one; its own admins (and operators) edit it;
     * editors and viewers, of it or of the operators, and every other organisation get 403.
     */
    @ParameterizedTest(name = "{0} as {1} of {2}")
    @MethodSource("organisationMatrix")
    void operatorsCreateOrganisationsAndOnlyTheirOwnAdminsEditThem(String endpoint, String role, Standing standing) {
        // a create needs an id nobody has taken; reads and edits share one organisation, as they cannot clash
        String organisationId = endpoint.startsWith("POST") ? OrganisationMother.newId()
                : SHARED_ORGANISATION.computeIfAbsent("shared", key -> createOrganisation());
        String callerOrganisation = switch (standing) {
            case OPERATORS -> OrganisationMother.OPERATORS;
            case OWN -> organisationId;
            case OTHER -> CampaignMother.OTHER;
        };
        String token = StaffTokens.forRoles(Map.of(callerOrganisation, role));
        Map<String, Object> profile = OrganisationMother.with(OrganisationMother.profile(organisationId),
                "description", "Edited as " + role + " of " + standing);
        boolean admin = role.equals("admin");

        HttpResponse<String> response;
        int expected;
        switch (endpoint) {
            case "POST organisation" -> {
                response = post("/api/staff/organisations", token, profile);
                expected = admin && standing == Standing.OPERATORS ? 201 : 403;
            }
            case "PUT organisation" -> {
                response = put("/api/staff/organisations/" + organisationId, token, profile);
                expected = admin && standing != Standing.OTHER ? 200 : 403;
            }
            default -> {
                response = get("/api/staff/organisations/" + organisationId, token);
                expected = 200;
            }
        }

        StaffAuthorisation.assertAnswered(response, expected);
    }

    static Stream<Arguments> endorsementMatrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String endpoint : List.of("PUT endorsement", "DELETE endorsement")) {
            for (String role : List.of("admin", "editor", "viewer")) {
                for (Standing standing : Standing.values()) {
                    cases.add(Arguments.of(endpoint, role, standing));
                }
            }
            // the campaign's own staff do not speak for another organisation either
            cases.add(Arguments.of(endpoint, "admin", null));
        }
        return cases.stream();
    }

    /**
     * An endorsement is an organisation's word: only its own admins give or withdraw it; its editors and
     * viewers, operators, the campaign's owner and any other organisation get 403 (null standing: the
     * campaign owner's admin).
     */
    @ParameterizedTest(name = "{0} as {1} of {2}")
    @MethodSource("endorsementMatrix")
    void onlyAnOrganisationsOwnAdminsEndorseForIt(String endpoint, String role, Standing standing) {
        String organisationId = createOrganisation();
        String campaignId = shared(true)[0];
        String path = BASE + campaignId + "/endorsements/" + organisationId;
        String callerOrganisation = standing == null ? CampaignMother.OWNER : switch (standing) {
            case OPERATORS -> OrganisationMother.OPERATORS;
            case OWN -> organisationId;
            case OTHER -> CampaignMother.OTHER;
        };
        String token = StaffTokens.forRoles(Map.of(callerOrganisation, role));
        boolean own = role.equals("admin") && standing == Standing.OWN;

        HttpResponse<String> response;
        if (endpoint.startsWith("PUT")) {
            response = put(path, token, Map.of("quote", "As " + role + " of " + standing));
        }
        else {
            assertThat(put(path, OrganisationMother.adminOf(organisationId), Map.of()).statusCode()).isEqualTo(201);
            response = send(request(path, token).DELETE());
        }

        StaffAuthorisation.assertAnswered(response, own ? (endpoint.startsWith("PUT") ? 201 : 204) : 403);
    }

    private static final Map<String, String> SHARED_ORGANISATION = new java.util.concurrent.ConcurrentHashMap<>();

    String createOrganisation() {
        String organisationId = OrganisationMother.newId();
        HttpResponse<String> created = post("/api/staff/organisations", OrganisationMother.operator(),
                OrganisationMother.profile(organisationId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return organisationId;
    }

    private static final java.util.Map<Boolean, String[]> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    String[] shared(boolean open) {
        return SHARED.computeIfAbsent(open, o -> fresh(o, true));
    }

    String[] fresh(boolean open, boolean withUpdate) {
        String campaignId = open ? openCampaign(CampaignMother.draft()) : createCampaign(CampaignMother.draft());
        return new String[] {campaignId, withUpdate ? createUpdate(campaignId) : null};
    }

    String createUpdate(String campaignId) {
        HttpResponse<String> created = post(BASE + campaignId + "/updates", CampaignMother.ownerAdmin(),
                Map.of("title", "Draft news", "body", "Draft body"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return read(created).get("updateId").asString();
    }

    /** The campaign's current fields as an edit body, with a new title. */
    Map<String, Object> currentAsInput(String campaignId) {
        var current = read(get(BASE + campaignId, CampaignMother.ownerAdmin()));
        Map<String, Object> body = CampaignMother.draft();
        body.put("slug", current.get("slug").asString());
        body.put("pledgeText", current.get("pledgeText").asString());
        body.put("title", "Edited title");
        return body;
    }
}
