package org.pledgeworks.gateway.staff;

import java.util.Map;

/**
 * A staff member who may sign in.
 *
 * @param accountId              stable id, the token's {@code sub}
 * @param email                  normalised (trimmed, lower case); the account's key
 * @param organisations          organisation id to role ({@code admin}, {@code editor}, {@code viewer})
 * @param passwordChangeRequired the password was given to the person (the first admin's, printed at first
 *                               start): it signs in nobody until they choose a new one
 * @param tokenVersion           carried in every token issued ({@code ver}); raised by a removal, a role
 *                               change or a password reset, so every token issued before stops working at once
 */
record StaffAccount(String accountId, String email, String name, String passwordHash,
        Map<String, String> organisations, boolean passwordChangeRequired, int tokenVersion) {

    /** A new account: no token issued yet. */
    StaffAccount(String accountId, String email, String name, String passwordHash,
            Map<String, String> organisations, boolean passwordChangeRequired) {
        this(accountId, email, name, passwordHash, organisations, passwordChangeRequired, 0);
    }

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    StaffAccount withPassword(String newHash) {
        return new StaffAccount(accountId, email, name, newHash, organisations, false, tokenVersion);
    }
}
