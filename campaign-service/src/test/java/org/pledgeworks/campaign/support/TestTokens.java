package org.pledgeworks.campaign.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.pledgeworks.kit.testing.TestClock;

/**
 * Staff tokens as the gateway issues them, signed with an RSA key made once per test JVM. The
 * service reads the public half from a PEM file, through its production decoder configuration.
 * Issued and expiring by the {@link TestClock}, the clock the service checks them against.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1:8080";
    public static final String AUDIENCE = "pledgeworks";

    private static KeyPair keys;
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("campaign-service-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(keys().getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "file:" + publicKeyFile;
    }

    /** A valid token for a member of these organisations (organisation id → role). */
    public static String staff(Map<String, String> organisations) {
        return token().organisations(organisations).sign();
    }

    public static Builder token() {
        return new Builder();
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
            }
            catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return keys;
    }

    public static final class Builder {

        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private final Instant issuedAt = TestClock.now().minusSeconds(1);
        private Instant expiresAt = TestClock.now().plusSeconds(3600);
        private String subject = "staff-" + UUID.randomUUID();
        private Map<String, String> organisations = Map.of();

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder organisations(Map<String, String> organisations) {
            this.organisations = organisations;
            return this;
        }

        private JWTClaimsSet claims() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject(subject)
                    .claim("name", "Test Staff")
                    .claim("organisations", organisations)
                    .issueTime(Date.from(issuedAt));
            if (audience != null) {
                claims.audience(audience);
            }
            if (expiresAt != null) {
                claims.expirationTime(Date.from(expiresAt));
            }
            return claims.build();
        }

        public String sign() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                        claims());
                jwt.sign(new RSASSASigner(keys().getPrivate()));
                return jwt.serialize();
            }
            catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code alg: none}: no signature at all. */
        public String unsigned() {
            return new PlainJWT(claims()).serialize();
        }

        /** HS256 with a key anyone could guess: must be refused by an RS256-only decoder. */
        public String signedWithHmac() {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                        claims());
                jwt.sign(new MACSigner("a-shared-secret-that-is-at-least-256-bits-long!!".getBytes()));
                return jwt.serialize();
            }
            catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
