package org.pledgeworks.gateway.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What a staff password must be (NIST SP 800-63B's advice rather than composition rules): at least 12
 * characters and at most 72 bytes of UTF-8 (bcrypt reads no further, and Spring's encoder refuses longer
 * rather than ignore the rest silently: 72 letters, fewer with accents or other scripts), not one of the ~20,000 most common passwords shipped in {@code staff-passwords/} — also
 * not once the digits and signs around a common word are taken away ("Password2026!") — not the email
 * address, and not three characters or fewer repeated.
 */
@IssuesTokens
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    static final int MAX_BYTES = 72;

    static final String LIST = "staff-passwords/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Why {@code candidate} may not be the password of the account {@code email}; empty when it may. */
    Optional<String> refusal(String candidate, String email) {
        int length = candidate.codePointCount(0, candidate.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters; a few words make a password that is long "
                    + "and easy to remember.");
        }
        if (candidate.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Use at most " + MAX_BYTES + " characters (fewer with accented letters or other scripts).");
        }
        String lower = candidate.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(core(lower))) {
            return Optional.of("This password is one of the most common ones, which are tried first. Choose another.");
        }
        String normalisedEmail = StaffAccount.normalise(email);
        if (!normalisedEmail.isEmpty() && lower.contains(normalisedEmail)) {
            return Optional.of("Do not use your email address in your password.");
        }
        if (lower.codePoints().distinct().count() <= 3) {
            return Optional.of("This password repeats too few characters. Choose another.");
        }
        return Optional.empty();
    }

    /** The word inside the decoration: digits, signs and spaces taken off both ends ("!!password2026" → "password"). */
    static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST);
        if (in == null) {
            throw new IllegalStateException("The list of common passwords " + LIST + " is missing from the gateway");
        }
        Set<String> words = new HashSet<>(32_768);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Set.copyOf(words);
    }
}
