package org.pledgeworks.gateway.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;
import org.pledgeworks.kit.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

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
 * "Forgot your password?": the same answer for every address, a mailed single-use link for an address with an
 * account, and a new password that signs out every token issued before it.
 */
class PasswordResetIT extends GatewayITSupport {

    private static final String OLD = "the old tune on the radio";

    private static final String NEW = "seven herons over the weir";

    @Autowired
    private ApplicationContext context;

    @Test
    void theAnswerIsTheSameForEveryAddressAndOnlyAnAccountGetsALink() {
        String email = StaffMother.account(context, OLD, Map.of("org-reset-a", "editor"));
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";

        String forNobody = request(nobody).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        String forAccount = request(email.toUpperCase()).expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(forAccount).isEqualTo(forNobody);
        JsonNode requested = StaffMembersIT.events(StaffEvents.PASSWORD_RESET_REQUESTED, accountId(email), email, 1)
                .get(0);
        assertThat(requested.get("email").asString()).isEqualTo(email);
        assertThat(StaffMembersIT.linkToken(requested)).isNotBlank();
        assertThat(KafkaProbe.allRecords(StaffEvents.TOPIC, r -> r.value().contains(nobody), Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void theLinkSetsANewPasswordOnceAndSignsOutEveryOlderToken() throws Exception {
        String email = StaffMother.account(context, OLD, Map.of("org-reset-b", "admin"));
        String before = tokenFor(email, OLD);
        campaignService.stubFor(get("/api/staff/campaigns").willReturn(okJson("{\"items\":[]}")));
        staffCall(before).expectStatus().isOk();
        request(email).expectStatus().isAccepted();
        String token = StaffMembersIT.linkToken(
                StaffMembersIT.events(StaffEvents.PASSWORD_RESET_REQUESTED, accountId(email), email, 1).get(0));

        client.get().uri("/api/auth/password-reset/{token}", token).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore())
                .expectBody().jsonPath("$.email").isEqualTo(email);
        reset(token, "password").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");

        String after = reset(token, NEW).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("access_token").toString();

        assertThat(SignedJWT.parse(after).getJWTClaimsSet().getJSONObjectClaim("organisations"))
                .containsEntry("org-reset-b", "admin");
        staffCall(before).expectStatus().isUnauthorized();
        staffCall(after).expectStatus().isOk();
        client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", OLD)).exchange().expectStatus().isUnauthorized();
        assertThat(tokenFor(email, NEW)).isNotBlank();
        reset(token, "yet another good long sentence").expectStatus().isEqualTo(HttpStatus.GONE)
                .expectBody().jsonPath("$.type").isEqualTo("https://pledgeworks.org/problems/reset-link-used");
    }

    @Test
    void badInputAndBadLinksAreProblemsNamingWhatIsWrong() {
        for (String bad : List.of("", "not-an-address")) {
            request(bad).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        }
        for (String bad : List.of("nonsense", "a.b.c", "x".repeat(400))) {
            client.get().uri("/api/auth/password-reset/{token}", bad).exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo("https://pledgeworks.org/problems/reset-link-not-found");
            reset(bad, NEW).expectStatus().isNotFound();
        }
    }

    @Test
    void thePagesTheMailedLinksOpenAreKeptOutOfCachesReferrersAndSearchEngines() {
        for (String page : List.of("/staff/invitation", "/staff/password-reset")) {
            client.get().uri(page).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().cacheControl(CacheControl.noStore())
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().valueEquals("X-Robots-Tag", "noindex")
                    .expectBody(String.class).value(html -> assertThat(html)
                            .contains("<meta name=\"robots\" content=\"noindex\">")
                            .contains("/js/staff/"));
        }
    }

    private String accountId(String email) {
        return context.getBean(StaffAccounts.class).byEmail(email).orElseThrow().accountId();
    }

    private WebTestClient.ResponseSpec request(String email) {
        return client.post().uri("/api/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange();
    }

    private WebTestClient.ResponseSpec reset(String token, String newPassword) {
        return client.post().uri("/api/auth/password-reset/{token}", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newPassword", newPassword)).exchange();
    }

    private WebTestClient.ResponseSpec staffCall(String token) {
        return client.get().uri("/api/staff/campaigns").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
