package org.pledgeworks.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

/** The tokens services are tested with are the gateway's: verifiable with the published key, dated by the test clock. */
class StaffTokensTest {

    @Test
    void aTokenForRolesVerifiesWithThePublishedKeyAndCarriesTheOrganisations() throws Exception {
        SignedJWT jwt = SignedJWT.parse(StaffTokens.forRoles(Map.of("workers-voice", "admin")));

        assertThat(jwt.verify(new RSASSAVerifier(publishedKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(StaffTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly(StaffTokens.AUDIENCE);
        assertThat(claims.getJSONObjectClaim("organisations")).containsEntry("workers-voice", "admin");
        assertThat(Duration.between(TestClock.now(), claims.getExpirationTime().toInstant()))
                .isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
    }

    @Test
    void anExpiredTokenWasIssuedBeforeItExpired() throws ParseException {
        JWTClaimsSet claims = SignedJWT.parse(StaffTokens.token().expiresAt(TestClock.now().minusSeconds(600)).sign())
                .getJWTClaimsSet();

        assertThat(claims.getExpirationTime()).isBefore(java.util.Date.from(TestClock.now()));
        assertThat(claims.getIssueTime()).isBefore(claims.getExpirationTime());
    }

    @Test
    void whatATestLeavesOutIsNotInTheToken() throws ParseException {
        JWTClaimsSet claims = SignedJWT.parse(StaffTokens.token().audience(null).expiresAt(null).sign()).getJWTClaimsSet();

        assertThat(claims.getAudience()).isEmpty();
        assertThat(claims.getExpirationTime()).isNull();
    }

    @Test
    void theForgedOnesDoNotVerify() throws Exception {
        RSASSAVerifier verifier = new RSASSAVerifier(publishedKey());

        assertThat(StaffTokens.token().unsigned()).endsWith(".");
        assertThatThrownBy(() -> SignedJWT.parse(StaffTokens.token().signedWithHmac()).verify(verifier))
                .isInstanceOf(JOSEException.class);
    }

    private static RSAPublicKey publishedKey() throws Exception {
        String pem = Files.readString(Path.of(java.net.URI.create(StaffTokens.publicKeyLocation())));
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
