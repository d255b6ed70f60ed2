package org.pledgeworks.pledge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.pledgeworks.kit.testing.TestClock;

/**
 * Staff JWTs as the gateway issues them: RS256 with a key pair made once per test JVM, whose public
 * half the service reads from a PEM file, so the production decoder and validators are exercised.
 * Issued and expiring by the test clock, which is the clock the service judges them by.
 */
public final class StaffTokens {

    public static final String ISSUER = "http://issuer.pledgeworks.test";
    private static final Duration VALIDITY = Duration.ofHours(1);
    private static KeyPair keys;
    private static Path publicKeyPem;

    private StaffTokens() {
    }

    public static synchronized String publicKeyLocation() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                publicKeyPem = Files.createTempFile("staff-jwt", ".pem");
                publicKeyPem.toFile().deleteOnExit();
                Files.writeString(publicKeyPem, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            }
            catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyPem.toUri().toString();
    }

    /** A valid token for someone with these roles (organisation id → admin / editor / viewer). */
    public static String forRoles(Map<String, String> organisations) {
        return token(ISSUER, "pledgeworks", TestClock.now().plus(VALIDITY), organisations);
    }

    /**
     * A one-hour token that ends at {@code expiresAt}, as the gateway issues them: an expired one was
     * issued an hour before it expired, so the service refuses it for its expiry, not for an
     * {@code iat} after its {@code exp}.
     */
    public static String token(String issuer, String audience, Instant expiresAt, Map<String, String> organisations) {
        publicKeyLocation();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("staff-" + UUID.randomUUID())
                .claim("name", "Test Staff")
                .claim("organisations", organisations)
                .issueTime(Date.from(expiresAt.minus(VALIDITY)))
                .expirationTime(Date.from(expiresAt))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
