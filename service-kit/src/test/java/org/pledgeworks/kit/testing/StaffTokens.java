package org.pledgeworks.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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

/**
 * Staff JWTs as the gateway issues them: RS256 with a key pair made once per test JVM, whose public
 * half a service reads from a PEM file ({@link #publicKeyLocation()}), so its production decoder and
 * validators are what the tests exercise. Issued and expiring by the {@link TestClock}, the clock the
 * service judges them by.
 *
 * <pre>{@code
 * StaffTokens.forRoles(Map.of("workers-voice", "admin"))                      // valid for an hour
 * StaffTokens.token().organisations(roles).audience("someone-else").sign()    // one thing wrong
 * }</pre>
 */
public final class StaffTokens {

    /** The issuer a service under test is configured to trust (the gateway's local address). */
    public static final String ISSUER = "http://127.0.0.1:8080";
    public static final String AUDIENCE = "pledgeworks";

    private static final Duration LIFETIME = Duration.ofHours(1);

    private static KeyPair keys;
    private static Path publicKeyFile;

    private StaffTokens() {
    }

    /** A {@code file:} URI of the PEM holding the public key, for the service's decoder. */
    public static synchronized String publicKeyLocation() {
        keys();
        return publicKeyFile.toUri().toString();
    }

    /** A valid token for a member of these organisations (organisation id → admin / editor / viewer). */
    public static String forRoles(Map<String, String> organisations) {
        return token().organisations(organisations).sign();
    }

    /** A token to shape: valid for an hour from now and for no organisation until told otherwise. */
    public static Builder token() {
        return new Builder();
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                publicKeyFile = Files.createTempFile("staff-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            }
            catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    public static final class Builder {

        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant expiresAt = TestClock.now().plus(LIFETIME);
        private final String subject = "staff-" + UUID.randomUUID();
        private Map<String, String> organisations = Map.of();

        private Builder() {
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** Null leaves the claim out. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Null leaves the claim out. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder organisations(Map<String, String> organisations) {
            this.organisations = organisations;
            return this;
        }

        public String sign() {
            try {
                SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.RS256), claims());
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

        /** HS256 with a key anyone could guess: an RS256-only decoder must refuse it. */
        public String signedWithHmac() {
            try {
                SignedJWT jwt = new SignedJWT(header(JWSAlgorithm.HS256), claims());
                jwt.sign(new MACSigner("a-shared-secret-that-is-at-least-256-bits-long!!".getBytes(StandardCharsets.UTF_8)));
                return jwt.serialize();
            }
            catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static JWSHeader header(JWSAlgorithm algorithm) {
            return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build();
        }

        private JWTClaimsSet claims() {
            // issued a lifetime before it expires, as the gateway does: an expired token is then refused
            // for its expiry, not for an iat after its exp (which no clock would accept, proving nothing)
            Instant issuedAt = expiresAt == null ? TestClock.now().minusSeconds(1) : expiresAt.minus(LIFETIME);
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
    }
}
