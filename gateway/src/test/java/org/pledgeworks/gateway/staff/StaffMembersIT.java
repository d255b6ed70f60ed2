package org.pledgeworks.gateway.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;
import org.pledgeworks.kit.links.SealedText;
import org.pledgeworks.kit.testing.EventContract;
import org.pledgeworks.kit.testing.KafkaProbe;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organisation runs its own staff: its admins (and platform operators) invite people by mail, the invitee
 * accepts through the sealed link, admins change roles and remove members, and a member's older tokens stop
 * working at once. Every change is published on the {@code staff} topic in the agreed shapes.
 */
class StaffMembersIT extends GatewayITSupport {

    private static final String PASSWORD = "a quiet morning by the canal";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private ApplicationContext context;

    /** An organisation of its own per test, with an admin: other tests' members never show up in it. */
    private record Org(String id, String adminEmail, String adminToken) {
    }

    private Org organisation() {
        String id = "org-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = StaffMother.account(context, PASSWORD, Map.of(id, "admin"));
        return new Org(id, admin, tokenFor(admin, PASSWORD));
    }

    @Test
    void anAdminInvitesSomeoneNewWhoAcceptsOnceThroughTheMailedLinkAndIsSignedIn() throws Exception {
        Org org = organisation();
        String email = "New.Person+" + UUID.randomUUID() + "@Example.org";

        Instant before = TestClock.now();
        JsonNode invitation = invite(org, org.adminToken(), Map.of("email", email, "role", "editor", "name", "Nia"))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String invitationId = invitation.get("id").asString();
        assertThat(invitation.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(invitation.get("role").asString()).isEqualTo("editor");
        assertThat(Instant.parse(invitation.get("expiresAt").asString()))
                .isBetween(before.plus(Duration.ofDays(7)), TestClock.now().plus(Duration.ofDays(7)));

        JsonNode sent = event(StaffEvents.INVITATION_SENT, org.id(), invitationId);
        assertThat(sent.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(sent.get("invitedBy").get("name").asString()).isEqualTo("Test staff");
        String token = linkToken(sent);
        JsonNode invited = event(StaffEvents.MEMBERSHIP_CHANGED, org.id(), invitationId);
        assertThat(invited.get("change").asString()).isEqualTo("invited");
        assertThat(invited.get("role").asString()).isEqualTo("editor");

        client.get().uri("/api/auth/invitations/{token}", token).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.organisationId").isEqualTo(org.id())
                .jsonPath("$.role").isEqualTo("editor")
                .jsonPath("$.email").isEqualTo(email.toLowerCase())
                .jsonPath("$.accountExists").isEqualTo(false);

        accept(token, Map.of("name", "Nia Okafor", "password", "password")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        accept(token, Map.of("password", PASSWORD)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");

        String memberToken = accept(token, Map.of("name", "Nia Okafor", "password", PASSWORD))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("access_token").toString();
        assertThat(SignedJWT.parse(memberToken).getJWTClaimsSet().getJSONObjectClaim("organisations"))
                .containsExactly(Map.entry(org.id(), "editor"));
        assertThat(tokenFor(email, PASSWORD)).isNotBlank();

        accept(token, Map.of("name", "Someone Else", "password", PASSWORD)).expectStatus().isEqualTo(HttpStatus.GONE)
                .expectBody().jsonPath("$.type").isEqualTo("https://pledgeworks.org/problems/invitation-used")
                // the problem names the path, never the link's token
                .jsonPath("$.instance").isEqualTo("/api/auth/invitations/token-withheld");
        client.get().uri("/api/auth/invitations/{token}", token).exchange().expectStatus().isEqualTo(HttpStatus.GONE);

        JsonNode joined = events(StaffEvents.MEMBERSHIP_CHANGED, org.id(), invitationId, 2).get(1);
        assertThat(joined.get("change").asString()).isEqualTo("joined");
        assertThat(joined.get("actor").get("name").asString()).isEqualTo("Nia Okafor");

        client.get().uri("/api/auth/organisations/{org}/members", org.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.members.length()").isEqualTo(2)
                .jsonPath("$.members[1].name").isEqualTo("Nia Okafor")
                .jsonPath("$.members[1].role").isEqualTo("editor")
                .jsonPath("$.invitations.length()").isEqualTo(0);
    }

    @Test
    void someoneWithAnAccountJoinsASecondOrganisationWithTheirCurrentPassword() throws Exception {
        Org first = organisation();
        Org second = organisation();
        String email = StaffMother.account(context, PASSWORD, Map.of(first.id(), "viewer"));

        String invitationId = invite(second, second.adminToken(), Map.of("email", email, "role", "admin"))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String token = linkToken(event(StaffEvents.INVITATION_SENT, second.id(), invitationId));

        client.get().uri("/api/auth/invitations/{token}", token).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.accountExists").isEqualTo(true);
        accept(token, Map.of("password", "not my password at all")).expectStatus().isUnauthorized();
        String joined = accept(token, Map.of("password", PASSWORD)).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("access_token").toString();

        assertThat(SignedJWT.parse(joined).getJWTClaimsSet().getJSONObjectClaim("organisations"))
                .containsEntry(first.id(), "viewer").containsEntry(second.id(), "admin");
        // an existing member is not invited again
        invite(second, second.adminToken(), Map.of("email", email, "role", "viewer"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://pledgeworks.org/problems/already-a-member");
    }

    @Test
    void aResentLinkReplacesTheOldOneARevokedOneDiesAndEachDeadLinkSaysWhy() {
        Org org = organisation();
        String invitationId = invite(org, org.adminToken(), Map.of("email", fresh(), "role", "viewer"))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String first = linkToken(event(StaffEvents.INVITATION_SENT, org.id(), invitationId));

        client.post().uri("/api/auth/organisations/{org}/invitations/{id}/resend", org.id(), invitationId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken()).exchange()
                .expectStatus().isOk();
        String second = linkToken(events(StaffEvents.INVITATION_SENT, org.id(), invitationId, 2).get(1));
        assertThat(second).isNotEqualTo(first);
        assertLinkProblem(first, HttpStatus.GONE, "invitation-replaced");
        client.get().uri("/api/auth/invitations/{token}", second).exchange().expectStatus().isOk();

        client.delete().uri("/api/auth/organisations/{org}/invitations/{id}", org.id(), invitationId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken()).exchange()
                .expectStatus().isNoContent();
        assertLinkProblem(second, HttpStatus.GONE, "invitation-revoked");
        accept(second, Map.of("name", "Late", "password", PASSWORD)).expectStatus().isEqualTo(HttpStatus.GONE);
        List<String> changes = events(StaffEvents.MEMBERSHIP_CHANGED, org.id(), invitationId, 3).stream()
                .map(e -> e.get("change").asString()).toList();
        assertThat(changes).containsExactly("invited", "invitation-resent", "invitation-revoked");

        // expired: a week has passed (the stored expiry moved back, the clock being the test's)
        String lateId = invite(org, org.adminToken(), Map.of("email", fresh(), "role", "viewer"))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String late = linkToken(event(StaffEvents.INVITATION_SENT, org.id(), lateId));
        context.getBean("gatewayDatabase", MongoDatabase.class).getCollection(StaffInvitations.COLLECTION)
                .updateOne(Filters.eq("_id", lateId), Updates.set("expiresAt", Date.from(TestClock.now())));
        assertLinkProblem(late, HttpStatus.GONE, "invitation-expired");
        accept(late, Map.of("name", "Late", "password", PASSWORD)).expectStatus().isEqualTo(HttpStatus.GONE);

        for (String bad : List.of("nonsense", lateId + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "inv-AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")) {
            assertLinkProblem(bad, bad.startsWith(lateId) ? HttpStatus.GONE : HttpStatus.NOT_FOUND,
                    bad.startsWith(lateId) ? "invitation-replaced" : "invitation-not-found");
        }
    }

    @Test
    void onlyTheOrganisationsAdminsAndOperatorsManageItsStaff() {
        Org org = organisation();
        Org other = organisation();
        String editor = tokenFor(StaffMother.account(context, PASSWORD, Map.of(org.id(), "editor")), PASSWORD);
        String viewer = tokenFor(StaffMother.account(context, PASSWORD, Map.of(org.id(), "viewer")), PASSWORD);
        String operator = signInAsFirstAdmin();

        client.get().uri("/api/auth/organisations/{org}/members", org.id()).exchange()
                .expectStatus().isUnauthorized();
        invite(org, null, Map.of("email", fresh(), "role", "viewer")).expectStatus().isUnauthorized();
        for (String refused : List.of(editor, viewer, other.adminToken())) {
            client.get().uri("/api/auth/organisations/{org}/members", org.id())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + refused).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            invite(org, refused, Map.of("email", fresh(), "role", "viewer")).expectStatus().isForbidden();
        }
        for (String allowed : List.of(org.adminToken(), operator)) {
            client.get().uri("/api/auth/organisations/{org}/members", org.id())
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + allowed).exchange()
                    .expectStatus().isOk();
            invite(org, allowed, Map.of("email", fresh(), "role", "viewer")).expectStatus().isCreated();
        }
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Org org = organisation();
        Map<String, Map<String, String>> cases = Map.of(
                "email", Map.of("email", "not-an-address", "role", "viewer"),
                "role", Map.of("email", fresh(), "role", "owner"),
                "name", Map.of("email", fresh(), "role", "viewer", "name", "x".repeat(201)));
        cases.forEach((field, body) -> invite(org, org.adminToken(), body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field));
        client.patch().uri("/api/auth/organisations/{org}/members/{id}", org.id(), "someone")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "root")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("role");
    }

    @Test
    void aRoleChangeOrRemovalRevokesTheMembersTokensAtOnceAndNeverLeavesNoAdmin() throws Exception {
        Org org = organisation();
        String editorEmail = StaffMother.account(context, PASSWORD, Map.of(org.id(), "editor"));
        String editorToken = tokenFor(editorEmail, PASSWORD);
        String editorId = SignedJWT.parse(editorToken).getJWTClaimsSet().getSubject();
        String adminId = SignedJWT.parse(org.adminToken()).getJWTClaimsSet().getSubject();
        campaignService.stubFor(get("/api/staff/campaigns").willReturn(okJson("{\"items\":[]}")));
        staffCall(editorToken).expectStatus().isOk();

        client.patch().uri("/api/auth/organisations/{org}/members/{id}", org.id(), editorId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "viewer")).exchange()
                .expectStatus().isNoContent();
        staffCall(editorToken).expectStatus().isUnauthorized();
        String asViewer = tokenFor(editorEmail, PASSWORD);
        assertThat(SignedJWT.parse(asViewer).getJWTClaimsSet().getJSONObjectClaim("organisations"))
                .containsEntry(org.id(), "viewer");
        staffCall(asViewer).expectStatus().isOk();

        client.delete().uri("/api/auth/organisations/{org}/members/{id}", org.id(), editorId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken()).exchange()
                .expectStatus().isNoContent();
        staffCall(asViewer).expectStatus().isUnauthorized();
        assertThat(SignedJWT.parse(tokenFor(editorEmail, PASSWORD)).getJWTClaimsSet().getJSONObjectClaim("organisations"))
                .doesNotContainKey(org.id());

        List<JsonNode> changes = events(StaffEvents.MEMBERSHIP_CHANGED, org.id(), editorId, 2);
        assertThat(changes.get(0).get("change").asString()).isEqualTo("role-changed");
        assertThat(changes.get(0).get("previousRole").asString()).isEqualTo("editor");
        assertThat(changes.get(1).get("change").asString()).isEqualTo("removed");
        assertThat(changes.get(1).get("actor").get("accountId").asString()).isEqualTo(adminId);

        // the only admin can neither step down nor leave
        client.patch().uri("/api/auth/organisations/{org}/members/{id}", org.id(), adminId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "editor")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://pledgeworks.org/problems/last-admin");
        client.delete().uri("/api/auth/organisations/{org}/members/{id}", org.id(), adminId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken()).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        staffCall(org.adminToken()).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec staffCall(String token) {
        return client.get().uri("/api/staff/campaigns").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private WebTestClient.ResponseSpec invite(Org org, String token, Map<String, String> body) {
        WebTestClient.RequestBodySpec request = client.post()
                .uri("/api/auth/organisations/{org}/invitations", org.id())
                .contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec accept(String token, Map<String, String> body) {
        return client.post().uri("/api/auth/invitations/{token}", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private void assertLinkProblem(String token, HttpStatus status, String type) {
        client.get().uri("/api/auth/invitations/{token}", token).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://pledgeworks.org/problems/" + type);
    }

    private static String fresh() {
        return "invitee-" + UUID.randomUUID() + "@example.org";
    }

    /** The link's token, from the sealed link as notification-service opens it. */
    static String linkToken(JsonNode sent) {
        String link = new SealedText(TOKEN_SECRET).open(sent.get("sealedLink").asString()).orElseThrow();
        assertThat(link).startsWith("http://127.0.0.1:8080/staff/");
        return link.substring(link.indexOf('#') + 1);
    }

    private static JsonNode event(String type, String key, String about) {
        return events(type, key, about, 1).get(0);
    }

    /**
     * The first {@code count} events of {@code type} on the staff topic keyed {@code key} that mention
     * {@code about}, in order, each checked against its contract.
     */
    static List<JsonNode> events(String type, String key, String about, int count) {
        List<ConsumerRecord<String, String>> records = KafkaProbe.awaitRecords(StaffEvents.TOPIC,
                r -> key.equals(r.key()) && type.equals(KafkaProbe.header(r, "ce_type")) && r.value().contains(about),
                count, WAIT);
        return records.stream().map(r -> {
            EventContract.assertValid("staff/" + type, r.value());
            return JSON.readTree(r.value());
        }).toList();
    }
}
