package org.pledgeworks.gateway.staff;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff accounts for tests, stored through the gateway's own repository, as FirstAdmin stores one. */
public final class StaffMother {

    private StaffMother() {
    }

    /** A fresh account (a unique email) whose given password must be changed before it signs anyone in. */
    public static String accountNeedingANewPassword(ApplicationContext context, String password) {
        return add(context, password, Map.of("fair-supply-coalition", "admin"), true);
    }

    /** A fresh account with a password of its own, in the given organisations; its email is returned. */
    public static String account(ApplicationContext context, String password, Map<String, String> organisations) {
        return add(context, password, organisations, false);
    }

    private static String add(ApplicationContext context, String password, Map<String, String> organisations,
            boolean changeRequired) {
        String email = "staff-" + UUID.randomUUID() + "@example.org";
        StaffAccount account = new StaffAccount(UUID.randomUUID().toString(), email, "Test staff",
                context.getBean(PasswordEncoder.class).encode(password), organisations, changeRequired);
        if (!context.getBean(StaffAccounts.class).add(account)) {
            throw new IllegalStateException("an account " + email + " exists already");
        }
        return email;
    }
}
