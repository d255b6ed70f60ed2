package org.pledgeworks.campaign.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledgeworks.campaign.support.BadInput;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.OrganisationMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/**
 * Organisation profiles: added by an operator, kept by the organisation's admins, announced on Kafka, and
 * shown in the public directory with the campaigns each one runs.
 */
class OrganisationsIT extends ServiceIT {

    private static final String STAFF = "/api/staff/organisations";

    private final String operator = OrganisationMother.operator();

    @Test
    void anOperatorAddsAnOrganisationItsAdminRevisesItAndEachChangeIsAnnounced() {
        String id = OrganisationMother.newId();
        Map<String, Object> profile = OrganisationMother.profile(id);

        HttpResponse<String> created = post(STAFF, operator, profile);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(read(created).get("revision").asLong()).isZero();
        ConsumerRecord<String, String> createdEvent = awaitEvent("organisation-created.v1", id);
        EventContract.assertValid("campaigns/organisation-created.v1", createdEvent.value());
        assertThat(json.readTree(createdEvent.value()).get("name").asString()).isEqualTo(profile.get("name"));
        HttpResponse<String> publicProfile = get("/api/organisations/" + id);
        assertThat(publicProfile.statusCode()).isEqualTo(200);
        assertThat(read(publicProfile).get("kind").asString()).isEqualTo("ngo");
        assertThat(read(publicProfile).get("socialLinks").get(0).asString()).isEqualTo("https://social.example.org/@" + id);
        assertThat(publicProfile.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
        String etag = publicProfile.headers().firstValue("ETag").orElseThrow();
        assertThat(send(request("/api/organisations/" + id, null).header("If-None-Match", etag).GET()).statusCode())
                .isEqualTo(304);

        Map<String, Object> edited = OrganisationMother.with(profile, "description", "Now with investors too.");
        edited.put("kind", "public-body");
        HttpResponse<String> revised = put(STAFF + "/" + id, OrganisationMother.adminOf(id), edited);

        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        assertThat(read(revised).get("revision").asLong()).isEqualTo(1);
        ConsumerRecord<String, String> revisedEvent = awaitEvent("organisation-revised.v1", id);
        EventContract.assertValid("campaigns/organisation-revised.v1", revisedEvent.value());
        assertThat(json.readTree(revisedEvent.value()).get("kind").asString()).isEqualTo("public-body");
        assertThat(read(get("/api/organisations/" + id)).get("description").asString())
                .isEqualTo("Now with investors too.");

        HttpResponse<String> unchanged = put(STAFF + "/" + id, OrganisationMother.adminOf(id), edited);
        assertThat(read(unchanged).get("revision").asLong()).as("an edit that changes nothing writes nothing")
                .isEqualTo(1);
        HttpResponse<String> again = post(STAFF, operator, profile);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aProfileListsTheOpenAndClosedCampaignsItOwnsOrPartnersButNoDraft() {
        String id = OrganisationMother.newId();
        assertThat(post(STAFF, operator, OrganisationMother.profile(id)).statusCode()).isEqualTo(201);
        String ownAdmin = OrganisationMother.adminOf(id);
        String owned = campaign(ownAdmin, CampaignMother.with(CampaignMother.draft(), "ownerOrganisation", id), true);
        String draft = campaign(ownAdmin, CampaignMother.with(CampaignMother.draft(), "ownerOrganisation", id), false);
        String partnered = openCampaign(CampaignMother.with(CampaignMother.draft(), "partnerOrganisations",
                List.of(CampaignMother.PARTNER, id)));
        String closed = openCampaign(CampaignMother.with(CampaignMother.draft(), "partnerOrganisations", List.of(id)));
        assertThat(post("/api/staff/campaigns/" + closed + "/close", CampaignMother.ownerAdmin(), null).statusCode())
                .isEqualTo(200);

        JsonNode listed = read(get("/api/organisations/" + id)).get("campaigns");

        assertThat(listed.findValuesAsString("campaignId")).containsExactlyInAnyOrder(owned, partnered, closed)
                .doesNotContain(draft);
        for (JsonNode campaign : listed) {
            String expectedRole = campaign.get("campaignId").asString().equals(owned) ? "owner" : "partner";
            String expectedStatus = campaign.get("campaignId").asString().equals(closed) ? "closed" : "open";
            assertThat(campaign.get("role").asString()).isEqualTo(expectedRole);
            assertThat(campaign.get("status").asString()).isEqualTo(expectedStatus);
        }
    }

    @Test
    void theDirectoryIsSortedByNameRegardlessOfCaseAndPaged() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("gamma trust", "Alpha Aid", "beta Foundation")) {
            String id = OrganisationMother.newId();
            ids.add(id);
            assertThat(post(STAFF, operator, OrganisationMother.with(OrganisationMother.profile(id), "name", name))
                    .statusCode()).isEqualTo(201);
        }
        List<String> directory = new ArrayList<>();
        long total = Long.MAX_VALUE;
        for (int page = 0; directory.size() < total; page++) {
            HttpResponse<String> answer = get("/api/organisations?size=2&page=" + page);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
            JsonNode body = read(answer);
            total = body.get("total").asLong();
            assertThat(body.get("items").size()).isBetween(1, 2);
            directory.addAll(body.get("items").findValuesAsString("organisationId"));
        }

        assertThat(directory).doesNotHaveDuplicates();
        List<String> mine = directory.stream().filter(ids::contains).toList();
        assertThat(mine).containsExactly(ids.get(1), ids.get(2), ids.get(0));
    }

    @Test
    void theDemoCampaignsOwnerHasAProfileListingIt() {
        JsonNode owner = read(get("/api/organisations/fair-supply-coalition"));

        assertThat(owner.get("name").asString()).isEqualTo("Fair Supply Coalition");
        assertThat(owner.get("campaigns").findValuesAsString("slug")).contains("no-forced-labour");
        assertThat(read(get("/api/organisations/workers-voice")).get("campaigns").findValuesAsString("role"))
                .contains("partner");
    }

    @Test
    void anUnknownOrganisationIsAProblem() {
        HttpResponse<String> response = get("/api/organisations/no-such-organisation");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(read(response).get("type").asString()).endsWith("/organisation-not-found");
        assertThat(put(STAFF + "/no-such-organisation", operator,
                OrganisationMother.profile("no-such-organisation")).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"organisation-created.v1", "organisation-revised.v1"})
    void theContractExamplesMeetTheirSchemas(String type) {
        EventContract.assertValid("campaigns/" + type, EventContract.example("campaigns/" + type));
    }

    static Stream<Arguments> badProfiles() {
        Map<String, Object> valid = OrganisationMother.profile("bad-input-organisation");
        Map<String, Object> noId = new java.util.LinkedHashMap<>(valid);
        noId.remove("organisationId");
        Map<String, Object> twoBad = OrganisationMother.with(valid, "kind", "club");
        twoBad.put("name", " ");
        return Stream.of(
                bad("website over http", OrganisationMother.with(valid, "website", "http://example.org"), "website"),
                bad("logo as javascript", OrganisationMother.with(valid, "logoUrl", "javascript:alert(1)"), "logoUrl"),
                bad("logo with a disguised host", OrganisationMother.with(valid, "logoUrl", "https://bank.example@evil.example/x.png"), "logoUrl"),
                bad("logo as data", OrganisationMother.with(valid, "logoUrl", "data:image/svg+xml,<svg onload=alert(1)>"), "logoUrl"),
                bad("a social link over ftp", OrganisationMother.with(valid, "socialLinks", List.of("https://ok.example", "ftp://x.example")), "socialLinks[1]"),
                bad("eleven social links", OrganisationMother.with(valid, "socialLinks", java.util.Collections.nCopies(11, "https://x.example")), "socialLinks"),
                bad("blank name", OrganisationMother.with(valid, "name", ""), "name"),
                bad("name too long", OrganisationMother.with(valid, "name", "n".repeat(121)), "name"),
                bad("description too long", OrganisationMother.with(valid, "description", "d".repeat(501)), "description"),
                bad("unknown kind", OrganisationMother.with(valid, "kind", "club"), "kind"),
                bad("no kind", OrganisationMother.with(valid, "kind", null), "kind"),
                bad("id with spaces", OrganisationMother.with(valid, "organisationId", "Not An Id"), "organisationId"),
                bad("no id", noId, "organisationId"),
                bad("email not an email", OrganisationMother.with(valid, "contactEmail", "hello at example"), "contactEmail"),
                new BadInput("two bad fields at once", "POST", STAFF, twoBad, List.of("kind", "name")),
                new BadInput("not JSON", "POST", STAFF, "{not json", List.of("body")),
                new BadInput("directory page size zero", "GET", "/api/organisations?size=0", null, List.of("size")))
                .map(Arguments::of);
    }

    private static BadInput bad(String name, Map<String, Object> body, String field) {
        return new BadInput(name, "POST", STAFF, body, List.of(field));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProfiles")
    void badProfilesAreRefusedNamingEachField(BadInput input) {
        input.assertRefusedBy(this, input.path(), operator);
    }

    @Test
    void anEditCannotRenameTheOrganisationOrBreakItsLinks() {
        String id = OrganisationMother.newId();
        assertThat(post(STAFF, operator, OrganisationMother.profile(id)).statusCode()).isEqualTo(201);
        Map<String, Object> renamed = OrganisationMother.profile("another-id");
        renamed.put("website", "http://" + id + ".example.org");

        new BadInput("new id and an http website", "PUT", STAFF + "/" + id, renamed,
                List.of("website")).assertRefusedBy(this, STAFF + "/" + id, OrganisationMother.adminOf(id));
        new BadInput("new id", "PUT", STAFF + "/" + id, OrganisationMother.profile("another-id"),
                List.of("organisationId")).assertRefusedBy(this, STAFF + "/" + id, OrganisationMother.adminOf(id));
    }

    private String campaign(String token, Map<String, Object> draft, boolean publish) {
        HttpResponse<String> created = post("/api/staff/campaigns", token, draft);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String campaignId = read(created).get("campaignId").asString();
        if (publish) {
            assertThat(post("/api/staff/campaigns/" + campaignId + "/publish", token, null).statusCode()).isEqualTo(200);
        }
        return campaignId;
    }

    private static ConsumerRecord<String, String> awaitEvent(String type, String organisationId) {
        return KafkaProbe.awaitRecord("campaigns",
                r -> organisationId.equals(r.key()) && type.equals(KafkaProbe.header(r, "ce_type")),
                Duration.ofSeconds(20));
    }
}
