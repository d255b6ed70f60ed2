package org.pledgeworks.campaign.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;

/** The service checks staff tokens itself: signature (RS256 only), issuer, audience, expiry. */
class StaffIdentityIT extends ServiceIT {

    private static final Map<String, String> MEMBER = Map.of("fair-supply-coalition", "viewer");

    @Test
    void aValidTokenOpensTheStaffApi() {
        assertThat(get("/api/staff/campaigns", StaffTokens.forRoles(MEMBER)).statusCode()).isEqualTo(200);
    }

    @Test
    void noTokenIsUnauthorised() {
        assertThat(get("/api/staff/campaigns").statusCode()).isEqualTo(401);
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("expired", StaffTokens.token().organisations(MEMBER)
                        .expiresAt(TestClock.now().minusSeconds(600)).sign()),
                Arguments.of("without expiry", StaffTokens.token().organisations(MEMBER).expiresAt(null).sign()),
                Arguments.of("another issuer", StaffTokens.token().organisations(MEMBER)
                        .issuer("https://evil.example.org").sign()),
                Arguments.of("another audience", StaffTokens.token().organisations(MEMBER).audience("other-app").sign()),
                Arguments.of("no audience", StaffTokens.token().organisations(MEMBER).audience(null).sign()),
                Arguments.of("alg none", StaffTokens.token().organisations(MEMBER).unsigned()),
                Arguments.of("HS256", StaffTokens.token().organisations(MEMBER).signedWithHmac()),
                Arguments.of("garbage", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aTokenThatFailsAnyCheckIsUnauthorised(String what, String token) {
        assertThat(get("/api/staff/campaigns", token).statusCode()).isEqualTo(401);
    }

    @Test
    void theRolesComeFromTheOrganisationsClaim() {
        String token = StaffTokens.forRoles(Map.of("fair-supply-coalition", "admin"));

        assertThat(read(get("/api/staff/campaigns", token)).findValuesAsString("slug")).contains("no-forced-labour");
        assertThat(read(get("/api/staff/campaigns", StaffTokens.forRoles(Map.of("someone-else", "admin"))))
                .findValuesAsString("slug")).doesNotContain("no-forced-labour");
    }

    @Test
    void publicEndpointsNeedNoToken() {
        assertThat(get("/api/campaigns").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/v3/api-docs").statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheStaffAndPublicApis() {
        String doc = get("/v3/api-docs").body();

        assertThat(doc).contains("/api/campaigns/{slug}", "/api/staff/campaigns/{id}/publish",
                "/api/campaigns/{slug}/updates", "/api/campaigns/{slug}/updates.atom", "/api/campaigns/{slug}/card",
                "staff-jwt");
        assertThat(doc).as("the caller comes from the token, not from a parameter").doesNotContain("StaffMember");
    }
}
