package org.pledgeworks.campaign.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.pledgeworks.campaign.audit.AuditEntry.Actor;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.support.BadInput;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.OrganisationMother;
import org.pledgeworks.campaign.support.ProgressCardBodies;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.campaign.support.StaffAuthorisation;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * An organisation's audit log: written by the staff actions of campaign-service, by the gateway's membership
 * changes and pledge-service's signer exports; read by its admins and the operators, a page at a time; purged
 * after 400 days by the clock. Each test has organisations of its own, so their logs are its alone.
 */
class AuditIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";

    @Autowired
    AuditRepository repository;

    @Autowired
    AuditPurge purge;

    @Autowired
    MongoDatabase database;

    @Test
    void staffActionsAreLoggedForTheOwnerAndForThePartnerTheActorActedThrough() {
        String owner = OrganisationMother.newId();
        String partner = OrganisationMother.newId();
        String admin = StaffTokens.forRoles(Map.of(owner, "admin"));
        String partnerEditor = StaffTokens.forRoles(Map.of(partner, "editor"));
        String campaignId = campaign(owner, partner, admin);
        ok(post(BASE + campaignId + "/publish", admin, null));
        ok(put(BASE + campaignId + "/card/framework", admin, ProgressCardBodies.framework()));
        String targetId = created(post(BASE + campaignId + "/card/targets", admin, Map.of("name", "Example plc")),
                "targetId");
        ok(put(BASE + campaignId + "/card/targets/" + targetId + "/assessments", admin,
                Map.of("cycle", "2026", "indicatorId", "suppliers", "value", "80")));
        String updateId = created(post(BASE + campaignId + "/updates", partnerEditor,
                Map.of("title", "Partner news", "body", "Soon.")), "updateId");
        ok(post(BASE + campaignId + "/updates/" + updateId + "/schedule", partnerEditor,
                Map.of("publishAt", TestClock.now().plus(Duration.ofDays(1)).toString())));
        String nowId = created(post(BASE + campaignId + "/updates", admin, Map.of("title", "Owner news", "body",
                "Now.")), "updateId");
        ok(post(BASE + campaignId + "/updates/" + nowId + "/publish", admin, null));
        String endorser = OrganisationMother.newId();
        assertThat(post("/api/staff/organisations", OrganisationMother.operator(), OrganisationMother.profile(endorser))
                .statusCode()).isEqualTo(201);
        assertThat(put(BASE + campaignId + "/endorsements/" + endorser, OrganisationMother.adminOf(endorser),
                Map.of("quote", "Behind it.")).statusCode()).isEqualTo(201);

        JsonNode ownerLog = read(ok(get(audit(owner), admin)));
        assertThat(ownerLog.get("entries").findValuesAsString("action")).as("newest first").containsExactly(
                "endorsed", "update-published", "update-scheduled", "score-changed", "framework-changed",
                "campaign-published");
        JsonNode scheduled = ownerLog.get("entries").get(2);
        assertThat(scheduled.get("actor").get("name").asString()).isEqualTo("Test Staff");
        assertThat(scheduled.get("subject").get("type").asString()).isEqualTo("update");
        assertThat(scheduled.get("subject").get("id").asString()).isEqualTo(updateId);
        assertThat(scheduled.get("subject").get("label").asString()).isEqualTo("Partner news");
        assertThat(scheduled.get("details").get("publishAt").asString()).isNotBlank();
        JsonNode score = ownerLog.get("entries").get(3);
        assertThat(score.get("subject").get("label").asString()).isEqualTo("Example plc");
        assertThat(score.get("details").get("value").asString()).isEqualTo("80");
        assertThat(Instant.parse(ownerLog.get("entries").get(0).get("at").asString()))
                .isBetween(TestClock.now().minusSeconds(60), TestClock.now());

        assertThat(read(ok(get(audit(partner), StaffTokens.forRoles(Map.of(partner, "admin"))))).get("entries")
                .findValuesAsString("action")).as("what its own staff did, not the owner's")
                .containsExactly("update-scheduled");
        String endorserAdmin = OrganisationMother.adminOf(endorser);
        assertThat(send(request(BASE + campaignId + "/endorsements/" + endorser, endorserAdmin).DELETE())
                .statusCode()).isEqualTo(204);
        ok(put("/api/staff/organisations/" + endorser, endorserAdmin,
                OrganisationMother.with(OrganisationMother.profile(endorser), "name", "Renamed endorser")));
        assertThat(read(ok(get(audit(endorser), endorserAdmin))).get("entries").findValuesAsString("action"))
                .containsExactly("profile-revised", "endorsement-withdrawn", "endorsed");
        ok(post(BASE + campaignId + "/close", admin, null));
        assertThat(read(ok(get(audit(owner) + "?limit=1", admin))).get("entries").findValuesAsString("action"))
                .containsExactly("campaign-closed");

        ownerLog = read(ok(get(audit(owner), admin)));

        // pages of two, by the cursor, end to end: every entry once, in order
        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = read(ok(get(audit(owner) + "?limit=2" + (next == null ? "" : "&before=" + next), admin)));
            paged.addAll(page.get("entries").findValuesAsString("action"));
            next = page.get("next").isNull() ? null : page.get("next").asString();
        }
        while (next != null && paged.size() < 10);
        assertThat(paged).containsExactlyElementsOf(ownerLog.get("entries").findValuesAsString("action"));
        assertThat(read(ok(get(audit(owner) + "?action=score-changed", admin))).get("entries")
                .findValuesAsString("action")).containsExactly("score-changed");
        HttpResponse<String> csv = ok(get(audit(owner) + "?format=csv&action=update-scheduled", admin));
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body()).contains("update-scheduled").contains("Partner news");
    }

    @Test
    void aMembershipChangeIsLoggedOnceHoweverOftenItIsDeliveredAndOtherStaffEventsAreSkipped() {
        String organisation = OrganisationMother.newId();
        String eventId = UUID.randomUUID().toString();
        String changed = membershipChanged(organisation, eventId, "role-changed");
        KafkaProbe.publishEvent("staff", organisation, "staff-invitation-sent.v1",
                EventContract.exampleNow("staff/staff-invitation-sent.v1"));
        KafkaProbe.publishEvent("staff", organisation, "staff-membership-changed.v1", eventId, changed);
        KafkaProbe.publishEvent("staff", organisation, "staff-membership-changed.v1", eventId, changed);
        // after the duplicate on the same key, so once it is in, the duplicate has been read
        KafkaProbe.publishEvent("staff", organisation, "staff-membership-changed.v1",
                membershipChanged(organisation, UUID.randomUUID().toString(), "removed"));

        String admin = OrganisationMother.adminOf(organisation);
        JsonNode entries = awaitLog(organisation, admin, log -> log.size() >= 2);
        assertThat(entries.findValuesAsString("action")).containsExactly("member-removed", "member-role-changed");
        JsonNode roleChanged = entries.get(1);
        assertThat(roleChanged.get("actor").get("name").asString()).isEqualTo("Amina Admin");
        assertThat(roleChanged.get("subject").get("label").asString()).isEqualTo("Sam Editor");
        assertThat(roleChanged.get("details").get("role").asString()).isEqualTo("admin");
        assertThat(roleChanged.get("details").get("previousRole").asString()).isEqualTo("editor");
        assertThat(stored(organisation).toJson()).as("a member with a name is not logged by address")
                .doesNotContain("sam@workers-voice.example");
    }

    @Test
    void aSignerExportIsLoggedForTheCampaignsOrganisationsWithoutAnySignerData() {
        String owner = OrganisationMother.newId();
        String partner = OrganisationMother.newId();
        String admin = StaffTokens.forRoles(Map.of(owner, "admin"));
        String campaignId = campaign(owner, partner, admin);
        ObjectNode exported = (ObjectNode) json.readTree(EventContract.exampleNow("pledges/signers-exported.v1"));
        exported.put("campaignId", campaignId);
        // a producer gone wrong: whatever else an event carries, the log keeps only what it names
        exported.putObject("signer").put("name", "Jo Signer").put("email", "jo.signer@example.org");
        String eventId = exported.get("eventId").asString();
        KafkaProbe.publishEvent("pledges", campaignId, "signers-exported.v1", eventId, json.writeValueAsString(exported));
        KafkaProbe.publishEvent("pledges", campaignId, "signers-exported.v1", eventId, json.writeValueAsString(exported));
        // after the duplicate on the same key, so once it is in, the duplicate has been read
        exported.put("eventId", UUID.randomUUID().toString());
        exported.put("rows", 0);
        exported.put("occurredAt", TestClock.now().plusSeconds(1).toString());
        KafkaProbe.publishEvent("pledges", campaignId, "signers-exported.v1", json.writeValueAsString(exported));

        JsonNode entries = awaitLog(owner, admin, log -> log.size() >= 2);
        assertThat(entries.findValuesAsString("action")).as("the redelivery wrote nothing more")
                .containsExactly("signers-exported", "signers-exported");
        JsonNode export = entries.get(1);
        assertThat(export.get("subject").get("id").asString()).isEqualTo(campaignId);
        assertThat(export.get("details").get("rows").asString()).isEqualTo("1240");
        assertThat(export.get("details").get("format").asString()).isEqualTo("csv");
        assertThat(export.get("actor").get("name").asString()).isEqualTo("Amina Admin");
        assertThat(awaitLog(partner, StaffTokens.forRoles(Map.of(partner, "admin")), log -> log.size() >= 2)
                .findValuesAsString("action")).containsExactly("signers-exported", "signers-exported");
        String document = stored(owner).toJson();
        assertThat(document).doesNotContain("jo.signer@example.org").doesNotContain("Jo Signer");
    }

    @Test
    void onlyTheOrganisationsAdminsAndTheOperatorsReadItsLog() {
        String owner = OrganisationMother.newId();
        String partner = OrganisationMother.newId();
        String admin = StaffTokens.forRoles(Map.of(owner, "admin"));
        campaign(owner, partner, admin);
        String path = audit(owner);

        assertThat(get(path).statusCode()).isEqualTo(401);
        StaffAuthorisation.assertAnswered(get(path, admin), 200);
        StaffAuthorisation.assertAnswered(get(path, OrganisationMother.operator()), 200);
        StaffAuthorisation.assertAnswered(get(path, StaffTokens.forRoles(Map.of(owner, "editor"))), 403);
        StaffAuthorisation.assertAnswered(get(path, StaffTokens.forRoles(Map.of(owner, "viewer"))), 403);
        StaffAuthorisation.assertAnswered(get(path, StaffTokens.forRoles(Map.of(partner, "admin"))), 403);
        StaffAuthorisation.assertAnswered(get(path, OrganisationMother.adminOf(OrganisationMother.newId())), 403);
        StaffAuthorisation.assertAnswered(get(path + "?format=csv", StaffTokens.forRoles(Map.of(owner, "editor"))),
                403);
    }

    @Test
    void hostileQueryParametersAreRefusedNamingTheParameter() {
        String organisation = OrganisationMother.newId();
        String admin = OrganisationMother.adminOf(organisation);
        String path = audit(organisation);
        String overlong = "A".repeat(500);
        for (BadInput bad : List.of(
                new BadInput("limit zero", "GET", path + "?limit=0", null, List.of("limit")),
                new BadInput("limit over 200", "GET", path + "?limit=201", null, List.of("limit")),
                new BadInput("limit not a number", "GET", path + "?limit=ten", null, List.of("limit")),
                new BadInput("before not a cursor", "GET", path + "?before=%7B%24gt%3A1%7D", null, List.of("before")),
                new BadInput("before overlong", "GET", path + "?before=" + overlong, null, List.of("before")),
                new BadInput("before of a forged id", "GET", path + "?before=" + forgedCursor(), null, List.of("before")),
                new BadInput("action unknown", "GET", path + "?action=%24where", null, List.of("action")),
                new BadInput("format unknown", "GET", path + "?format=xml", null, List.of("format")))) {
            bad.assertRefusedBy(this, bad.path(), admin);
        }
        HttpResponse<String> badId = get("/api/staff/organisations/NOT%20AN%20ID/audit", OrganisationMother.operator());
        assertThat(badId.statusCode()).as(badId.body()).isEqualTo(400);
        assertThat(read(badId).get("errors").findValuesAsString("field")).contains("organisationId");
    }

    @Test
    void entriesOlderThan400DaysArePurgedByTheClock() {
        String organisation = OrganisationMother.newId();
        Instant now = TestClock.now();
        insert(organisation, "old", now.minus(Duration.ofDays(401)));
        insert(organisation, "kept", now.minus(Duration.ofDays(399)));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        JsonNode entries = read(ok(get(audit(organisation), OrganisationMother.adminOf(organisation)))).get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("id").asString()).isEqualTo(organisation + ":kept");
        assertThat(purge.purge()).as("nothing is older now").isZero();
    }

    /** A draft campaign of {@code owner} with {@code partner}, made by {@code token}. */
    private String campaign(String owner, String partner, String token) {
        Map<String, Object> draft = CampaignMother.with(CampaignMother.with(CampaignMother.draft(), "ownerOrganisation",
                owner), "partnerOrganisations", List.of(partner));
        return created(post("/api/staff/campaigns", token, draft), "campaignId");
    }

    private void insert(String organisation, String suffix, Instant at) {
        repository.insert(new AuditEntry(organisation + ":" + suffix, List.of(organisation), at,
                new Actor("staff-1", "Old Staff"), AuditAction.PROFILE_REVISED,
                new Subject("organisation", organisation, "An organisation"), Map.of()));
    }

    private static String forgedCursor() {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1:{\"$gt\":\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String membershipChanged(String organisation, String eventId, String change) {
        ObjectNode event = (ObjectNode) json.readTree(EventContract.exampleNow("staff/staff-membership-changed.v1"));
        event.put("eventId", eventId);
        event.put("organisationId", organisation);
        event.put("change", change);
        if (change.equals("removed")) {
            event.putNull("role");
            // later than the change before it, so the log's order is certain
            event.put("occurredAt", TestClock.now().plusSeconds(1).toString());
        }
        return json.writeValueAsString(event);
    }

    /** Every stored entry of the organisation, as the database holds them. */
    private Document stored(String organisation) {
        List<Document> all = database.getCollection(AuditRepository.COLLECTION)
                .find(new Document("organisations", organisation)).into(new ArrayList<>());
        assertThat(all).isNotEmpty();
        return new Document("entries", all);
    }

    private JsonNode awaitLog(String organisation, String token, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode entries = null;
        while (System.nanoTime() < deadline) {
            entries = read(ok(get(audit(organisation), token))).get("entries");
            if (done.test(entries)) {
                return entries;
            }
            sleep();
        }
        throw new AssertionError("the log of " + organisation + " did not fill in time: " + entries);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String audit(String organisation) {
        return "/api/staff/organisations/" + organisation + "/audit";
    }

    private String created(HttpResponse<String> response, String idField) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response).get(idField).asString();
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
