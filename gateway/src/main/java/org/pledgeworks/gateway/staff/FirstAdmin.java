package org.pledgeworks.gateway.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.pledgeworks.gateway.security.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * At first start, when there is no staff account at all, makes an admin of the demo campaign's owner
 * ({@code fair-supply-coalition}) with a one-time password, printed once to the log as
 * {@code FIRST ADMIN: email=… password=…} and written to {@code <data dir>/secrets/first-admin.txt}
 * for the launcher to show. Only the bcrypt hash is stored. The password signs nobody in: at first
 * sign-in the admin must choose a new one ({@link SignInController}), and then the file is deleted, so
 * the launcher stops showing a password that no longer works.
 */
@IssuesTokens
@Component
class FirstAdmin implements ApplicationRunner {

    static final String FILE_NAME = "first-admin.txt";

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private static final SecureRandom random = new SecureRandom();

    private final StaffAccounts accounts;

    private final PasswordEncoder passwords;

    private final AuthProperties properties;

    FirstAdmin(StaffAccounts accounts, PasswordEncoder passwords, AuthProperties properties) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            ensure();
        }
        catch (RuntimeException ex) {
            // the gateway still serves pages and routes without its database; sign-in waits for it
            log.error("Could not check for or make the first admin: {}", ex.toString());
        }
    }

    void ensure() {
        if (!accounts.isEmpty()) {
            return;
        }
        AuthProperties.FirstAdmin admin = properties.firstAdmin();
        String password = oneTimePassword();
        boolean made = accounts.add(new StaffAccount(UUID.randomUUID().toString(), admin.email(), admin.name(),
                passwords.encode(password), Map.of(admin.organisation(), "admin"), true));
        if (!made) {
            return; // another instance made it a moment ago
        }
        log.warn("FIRST ADMIN: email={} password={}", admin.email(), password);
        if (!properties.dataDir().isBlank()) {
            Path file = Path.of(properties.dataDir(), "secrets", FILE_NAME);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "email=" + admin.email() + "\npassword=" + password + "\n");
                SigningKey.restrictToOwner(file);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** The first admin chose their own password: the printed one is of no use to anyone now. */
    void passwordChanged(String email) {
        if (properties.dataDir().isBlank()
                || !StaffAccount.normalise(email).equals(StaffAccount.normalise(properties.firstAdmin().email()))) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(properties.dataDir(), "secrets", FILE_NAME));
        }
        catch (IOException ex) {
            log.warn("Could not delete the first admin's printed password in {}: {}", properties.dataDir(), ex.toString());
        }
    }

    static String oneTimePassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
