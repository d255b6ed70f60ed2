package org.pledgeworks.gateway.staff;

import java.util.Map;

/**
 * A staff member who may sign in.
 *
 * @param accountId     stable id, the token's {@code sub}
 * @param email         normalised (trimmed, lower case); the account's key
 * @param organisations organisation id to role ({@code admin}, {@code editor}, {@code viewer})
 */
record StaffAccount(String accountId, String email, String name, String passwordHash,
        Map<String, String> organisations) {

    static String normalise(String email) {
        return email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
