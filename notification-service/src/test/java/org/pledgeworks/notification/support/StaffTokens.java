package org.pledgeworks.notification.support;

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
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.pledgeworks.kit.testing.TestClock;

/**
 * Staff JWTs as the gateway issues them, signed with an RSA key pair made once per test JVM. The
 * service reads the public half from a PEM file ({@code pledgeworks.security.public-key-location}).
 * Each is issued an hour before it expires, by the test clock, the clock the service judges {@code exp}
 * by: a token issued after it expires is refused as malformed whatever the clock, so a test of expiry
 * with one would prove nothing.
 */
public final class StaffTokens {

    public static final String ISSUER = "http://127.0.0.1:8080";

    private static final Duration LIFETIME = Duration.ofHours(1);

    private static KeyPair keys;
    private static Path publicKeyFile;

    private StaffTokens() {
    }

    public static synchronized String publicKeyLocation() {
        keys();
        return publicKeyFile.toUri().toString();
    }

    /** A valid token for someone with these organisations (id → role), for an hour from now. */
    public static String token(Map<String, String> organisations) {
        return token(organisations, ISSUER, "pledgeworks", TestClock.now().plus(LIFETIME));
    }

    public static String token(Map<String, String> organisations, String issuer, String audience, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(List.of(audience))
                    .subject("staff-1").claim("name", "Sam Staff").claim("organisations", organisations)
                    .issueTime(Date.from(expires.minus(LIFETIME))).expirationTime(Date.from(expires)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys().getPrivate()));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
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
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
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
}
