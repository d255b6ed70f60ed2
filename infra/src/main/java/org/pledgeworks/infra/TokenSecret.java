package org.pledgeworks.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The HMAC key for links in mail: the same across restarts, so links sent yesterday still work. */
final class TokenSecret {

    private TokenSecret() {
    }

    /** The configured one, else the one kept in the data directory, made (readable by its owner only) on first use. */
    static String of(StackConfig config) {
        if (config.tokenSecret().isPresent()) {
            return config.tokenSecret().get();
        }
        Path file = config.dataDir().resolve("secrets").resolve("token-secret");
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!secret.isEmpty()) {
                    return secret;
                }
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String secret = Base64.getEncoder().encodeToString(key);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
