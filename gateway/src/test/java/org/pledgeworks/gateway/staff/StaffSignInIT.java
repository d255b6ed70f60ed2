package org.pledgeworks.gateway.staff;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;
import org.pledgeworks.kit.testing.TestClock;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Staff sign in at the gateway, get a token the services can check, and only a valid token passes. */
class StaffSignInIT extends GatewayITSupport {

    private static final String ISSUER = "http://127.0.0.1:8080";

    @Test
    void theFirstAdminIsMadeAtFirstStartWithAOneTimePasswordForTheLauncher() {
        Map<String, String> admin = firstAdmin();

        assertThat(admin.get("email")).isEqualTo("admin@pledgeworks.local");
        assertThat(admin.get("password")).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void signingInGivesAnRs256TokenWithTheAgreedClaimsVerifiableByThePublishedKey() throws Exception {
        String token = signInAsFirstAdmin();

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("pledgeworks");
        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getStringClaim("name")).isEqualTo("Pledgeworks admin");
        assertThat(claims.getJSONObjectClaim("organisations")).containsEntry("fair-supply-coalition", "admin");
        assertThat(claims.getExpirationTime().toInstant())
                .isBetween(TestClock.now().plusSeconds(3500), TestClock.now().plusSeconds(3700));

        String jwks = client.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JWKSet keys = JWKSet.parse(jwks);
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key.isPrivate()).as("only the public half is published").isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void aWrongPasswordOrUnknownEmailIsOneAndTheSameProblem() {
        for (Map<String, String> attempt : List.of(
                Map.of("email", "admin@pledgeworks.local", "password", "not-it"),
                Map.of("email", "nobody@example.org", "password", "whatever"))) {
            client.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue(attempt)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("The email address or password is not right.");
        }
    }

    @Test
    void staffRoutesReachTheirServicesWithTheTokenPassedOn() {
        String token = signInAsFirstAdmin();
        campaignService.stubFor(get("/api/staff/campaigns").willReturn(okJson("{\"items\":[]}")));
        pledgeService.stubFor(get("/api/staff/pledges/quarantine?campaignId=c1").willReturn(okJson("{\"items\":[]}")));
        campaignService.stubFor(post("/api/staff/campaigns/c1/publish").willReturn(okJson("{}")));
        campaignService.stubFor(put("/api/staff/organisations/fair-supply-coalition").willReturn(okJson("{}")));

        client.get().uri("/api/staff/campaigns").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();
        client.post().uri("/api/staff/campaigns/c1/publish").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();
        client.get().uri("/api/staff/pledges/quarantine?campaignId=c1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk();
        client.put().uri("/api/staff/organisations/fair-supply-coalition")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Fair Supply Coalition\",\"kind\":\"ngo\"}").exchange().expectStatus().isOk();

        campaignService.verify(getRequestedFor(urlEqualTo("/api/staff/campaigns"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
        campaignService.verify(postRequestedFor(urlEqualTo("/api/staff/campaigns/c1/publish"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
        campaignService.verify(putRequestedFor(urlEqualTo("/api/staff/organisations/fair-supply-coalition"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
        pledgeService.verify(getRequestedFor(urlEqualTo("/api/staff/pledges/quarantine?campaignId=c1"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token)));
    }

    @Test
    void aServicesForbiddenPassesThrough() {
        // the gateway checks who you are; the service decides what you may do (another organisation: 403)
        String token = signInAsFirstAdmin();
        campaignService.stubFor(get("/api/staff/campaigns/other-org").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":403}")));

        client.get().uri("/api/staff/campaigns/other-org").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void withoutAValidTokenTheStaffApiAnswers401AndNoServiceIsAsked() throws Exception {
        RSAKey gatewayKey = RSAKey.parse(Files.readString(dataDir.resolve("secrets/jwt-signing-key.json")));
        RSAKey strangerKey = SigningKey.generate();
        Instant now = TestClock.now();

        Map<String, String> badTokens = Map.of(
                "expired", sign(gatewayKey, claims(ISSUER, "pledgeworks", now.minusSeconds(7200), now.minusSeconds(3600))),
                "wrong issuer", sign(gatewayKey, claims("https://evil.example", "pledgeworks", now, now.plusSeconds(600))),
                "wrong audience", sign(gatewayKey, claims(ISSUER, "someone-else", now, now.plusSeconds(600))),
                "signed by another key", sign(strangerKey, claims(ISSUER, "pledgeworks", now, now.plusSeconds(600))),
                "alg none", new PlainJWT(claims(ISSUER, "pledgeworks", now, now.plusSeconds(600))).serialize(),
                "not a token", "abc.def.ghi");

        client.get().uri("/api/staff/campaigns").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*");
        badTokens.forEach((what, token) -> client.get().uri("/api/staff/pledges/export")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().value(status -> assertThat(status).as(what).isEqualTo(HttpStatus.UNAUTHORIZED.value())));

        // and a token the gateway's own key signed with the agreed claims, for an account that exists, passes
        // (the control); for an account there is not (any more) it does not
        String firstAdminId = SignedJWT.parse(signInAsFirstAdmin()).getJWTClaimsSet().getSubject();
        client.get().uri("/api/staff/notifications/stats")
                .header(HttpHeaders.AUTHORIZATION, "Bearer "
                        + sign(gatewayKey, claims(ISSUER, "pledgeworks", now, now.plusSeconds(600))))
                .exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/staff/notifications/stats")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + sign(gatewayKey, new JWTClaimsSet.Builder(
                        claims(ISSUER, "pledgeworks", now, now.plusSeconds(600))).subject(firstAdminId).build()))
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE); // notification-service is down

        campaignService.verify(0, anyRequestedFor(anyUrl()));
        pledgeService.verify(0, anyRequestedFor(anyUrl()));
    }

    private static JWTClaimsSet claims(String issuer, String audience, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("staff-1")
                .claim("name", "Test").claim("organisations", Map.of("fair-supply-coalition", "admin"))
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
