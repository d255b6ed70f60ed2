package org.pledgeworks.gateway.staff;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password given to a person (the first admin's, printed at first start) signs nobody in until they choose
 * their own; anyone may change their password knowing the current one; new passwords keep to the policy.
 */
class PasswordChangeIT extends GatewayITSupport {

    private static final String GIVEN = "Kx7-given-once-2qP";

    private static final String CHOSEN = "my own sentence about tea";

    @Autowired
    private ApplicationContext context;

    @Test
    void aGivenPasswordIsRightButSignsInOnlyOnceANewOneIsChosen() throws Exception {
        String email = StaffMother.accountNeedingANewPassword(context, GIVEN);

        signIn(email, GIVEN).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://pledgeworks.org/problems/password-change-required")
                .jsonPath("$.passwordChangeRequired").isEqualTo(true)
                .jsonPath("$.access_token").doesNotExist();
        // a wrong password does not learn that the account waits for a new one
        signIn(email, "not the given one").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.passwordChangeRequired").doesNotExist();

        String token = change(email, GIVEN, CHOSEN).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("access_token").toString();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("organisations"))
                .containsEntry("fair-supply-coalition", "admin");

        signIn(email, GIVEN).expectStatus().isUnauthorized();
        signIn(email, CHOSEN).expectStatus().isOk().expectBody().jsonPath("$.access_token").isNotEmpty();
    }

    @Test
    void theFirstAdminsPrintedPasswordStopsWorkingAndItsFileGoesOnceTheyChooseTheirOwn() {
        Map<String, String> printed = firstAdmin();

        String chosen = firstAdminPassword();

        signIn(printed.get("email"), printed.get("password")).expectStatus().isUnauthorized();
        signIn(printed.get("email"), chosen).expectStatus().isOk();
        assertThat(Files.exists(dataDir.resolve("secrets/first-admin.txt")))
                .as("the launcher must not show a password that no longer works").isFalse();
    }

    @Test
    void aStaffMemberChangesTheirPasswordKnowingTheCurrentOne() {
        String email = StaffMother.account(context, GIVEN, Map.of("fair-supply-coalition", "editor"));

        change(email, "a guess at the current one", CHOSEN).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo(SignInController.WRONG);
        signIn(email, GIVEN).expectStatus().isOk();

        change(email, GIVEN, CHOSEN).expectStatus().isOk().expectBody().jsonPath("$.access_token").isNotEmpty();

        signIn(email, GIVEN).expectStatus().isUnauthorized();
        signIn(email, CHOSEN).expectStatus().isOk();
    }

    @Test
    void aNewPasswordOutsideThePolicyIsRefusedNamingTheFieldAndChangesNothing() {
        String email = StaffMother.account(context, GIVEN, Map.of("fair-supply-coalition", "editor"));
        Map<String, String> refused = Map.of(
                "eleven char", "at least 12 characters",
                "qwerty123456", "most common",
                "Password2026!!", "most common",
                "é".repeat(37), "at most 72 characters",
                "abcabcabcabcabc", "repeats too few",
                "xx" + email + "xx", "email address",
                GIVEN, "different from the current one");

        refused.forEach((candidate, why) -> change(email, GIVEN, candidate)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("newPassword")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).as(candidate)
                        .containsIgnoringCase(why)));

        signIn(email, GIVEN).expectStatus().isOk();
    }

    @Test
    void missingOrMalformedFieldsAreProblemsNamingEachField() {
        client.post().uri("/api/auth/password").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactly("email", "password", "newPassword"));
        change("x".repeat(300) + "@example.org", GIVEN, CHOSEN).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "someone@example.org", "password", " "))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        client.post().uri("/api/auth/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": {\"$ne\": null}, \"password\": \"x\", \"newPassword\": \"y\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec signIn(String email, String password) {
        return client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private WebTestClient.ResponseSpec change(String email, String password, String newPassword) {
        return client.post().uri("/api/auth/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password, "newPassword", newPassword)).exchange();
    }
}
