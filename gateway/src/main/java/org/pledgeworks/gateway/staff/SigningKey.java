package org.pledgeworks.gateway.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.pledgeworks.gateway.security.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Configuration;

/**
 * The RSA key the gateway signs staff tokens with. Kept in {@code PLEDGEWORKS_JWT_KEY_FILE}, else in
 * {@code <data dir>/secrets/jwt-signing-key.json}, and made there on first start; with neither, it lives
 * in memory only, and every restart signs every staff member out.
 */
@IssuesTokens
@Configuration(proxyBeanMethods = false)
class SigningKey {

    static final String FILE_NAME = "jwt-signing-key.json";

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    @Bean
    RSAKey staffTokenSigningKey(AuthProperties properties) {
        if (!properties.issuesTokens()) {
            // @IssuesTokens let this bean in although an issuer is set: the condition was decided at build
            // time, in bean definitions generated ahead of time (Spring AOT) for the embedded default
            throw new IllegalStateException("PLEDGEWORKS_JWT_ISSUER_URI is set, but this gateway runs from bean "
                    + "definitions generated at build time for the embedded sign-in (-Dspring.aot.enabled=true): "
                    + "start it without that flag");
        }
        Path file = keyFile(properties);
        if (file == null) {
            log.warn("No PLEDGEWORKS_JWT_KEY_FILE or PLEDGEWORKS_DATA_DIR: the staff token signing key lives in "
                    + "memory only, so a restart signs every staff member out");
            return generate();
        }
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key.toJSONString(), StandardOpenOption.CREATE_NEW);
            restrictToOwner(file);
            log.info("Made a new staff token signing key in {}", file);
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or write the signing key " + file, ex);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("The signing key in " + file + " is not an RSA JWK", ex);
        }
    }

    /** bcrypt, strength 10: about 100 ms a check here, slow enough for guessing, quick enough for people. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    static Path keyFile(AuthProperties properties) {
        if (!properties.keyFile().isBlank()) {
            return Path.of(properties.keyFile());
        }
        if (!properties.dataDir().isBlank()) {
            return Path.of(properties.dataDir(), "secrets", FILE_NAME);
        }
        return null;
    }

    static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException | IOException ex) {
            // not a POSIX file system (Windows): the directory's own permissions have to do
        }
    }
}
