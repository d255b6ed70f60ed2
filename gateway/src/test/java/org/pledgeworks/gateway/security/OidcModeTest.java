package org.pledgeworks.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.TestClock;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production mode: with {@code issuer-uri} set, the gateway's staff-token check (the decoder the security chain
 * uses on {@code /api/staff/**}) trusts the OIDC issuer's keys, found through its discovery document, and
 * nothing else: not the gateway's own embedded key, not another issuer or audience, not an expired or
 * unsigned token. WireMock stands in for the identity provider. The gateway issuing nothing in this mode is
 * {@code TokenIssuingModeTest}.
 */
class OidcModeTest {

    private static WireMockServer provider;

    private static String issuer;

    private static RSAKey issuerKey;

    private static ReactiveJwtDecoder decoder;

    @BeforeAll
    static void startProvider() throws Exception {
        provider = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        provider.start();
        issuer = provider.baseUrl() + "/realms/staff";
        issuerKey = new RSAKeyGenerator(2048).keyID("provider-key-1").keyUse(KeyUse.SIGNATURE).generate();
        provider.stubFor(get("/realms/staff/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                 "id_token_signing_alg_values_supported": ["RS256"], "subject_types_supported": ["public"],
                 "response_types_supported": ["code"], "authorization_endpoint": "%s/auth", "token_endpoint": "%s/token"}
                """.formatted(issuer, issuer, issuer, issuer))));
        provider.stubFor(get("/realms/staff/protocol/openid-connect/certs")
                .willReturn(okJson(new JWKSet(issuerKey.toPublicJWK()).toString())));

        AuthProperties oidc = new AuthProperties("http://127.0.0.1:8080", "pledgeworks", issuer, Duration.ofHours(1),
                "", "", "pledgeworks-gateway", new AuthProperties.FirstAdmin("a@b.c", "Admin", "org"),
                new AuthProperties.SignIn(10, Duration.ofMinutes(1), 20, Duration.ofMinutes(15)));
        // no signing key exists in this mode: the decoder must not ask for one
        decoder = new SecurityConfiguration().staffTokenDecoder(oidc,
                new StaticListableBeanFactory().getBeanProvider(RSAKey.class), TestClock.clock());
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    @Test
    void aTokenTheIssuerSignedPassesWithItsClaims() {
        Instant now = TestClock.now();
        Jwt jwt = decoder.decode(sign(issuerKey, claims(issuer, "pledgeworks", now, now.plusSeconds(600))))
                .block(Duration.ofSeconds(10));

        assertThat(jwt.getSubject()).isEqualTo("staff-1");
        assertThat(jwt.getClaimAsMap("organisations")).containsEntry("fair-supply-coalition", "admin");
        // the keys came from the provider's discovery document and key set
        provider.verify(getRequestedFor(urlEqualTo("/realms/staff/.well-known/openid-configuration")));
        provider.verify(getRequestedFor(urlEqualTo("/realms/staff/protocol/openid-connect/certs")));
    }

    @Test
    void everythingElseIsRefused() throws Exception {
        // the key a gateway on the embedded default would sign with, kid and all: not trusted in OIDC mode
        RSAKey embeddedKey = new RSAKeyGenerator(2048).keyID("provider-key-1").generate();
        RSAKey otherKey = new RSAKeyGenerator(2048).keyID("gateway-1").generate();
        Instant now = TestClock.now();

        Map<String, String> refused = Map.of(
                "signed by the gateway's embedded key", sign(embeddedKey, claims(issuer, "pledgeworks", now, now.plusSeconds(600))),
                "signed by another key", sign(otherKey, claims(issuer, "pledgeworks", now, now.plusSeconds(600))),
                "the gateway's own issuer", sign(issuerKey, claims("http://127.0.0.1:8080", "pledgeworks", now, now.plusSeconds(600))),
                "wrong audience", sign(issuerKey, claims(issuer, "account", now, now.plusSeconds(600))),
                "expired", sign(issuerKey, claims(issuer, "pledgeworks", now.minusSeconds(7200), now.minusSeconds(3600))),
                "alg none", new PlainJWT(claims(issuer, "pledgeworks", now, now.plusSeconds(600))).serialize());

        refused.forEach((what, token) -> assertThatThrownBy(() -> decoder.decode(token).block(Duration.ofSeconds(10)))
                .as(what).isInstanceOf(JwtException.class));
    }

    static JWTClaimsSet claims(String iss, String audience, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer(iss).audience(audience).subject("staff-1")
                .claim("name", "Test").claim("organisations", Map.of("fair-supply-coalition", "admin"))
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).build();
    }

    static String sign(RSAKey key, JWTClaimsSet claims) {
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
