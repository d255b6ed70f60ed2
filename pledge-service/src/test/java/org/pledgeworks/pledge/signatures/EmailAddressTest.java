package org.pledgeworks.pledge.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.org", "Ada.Example+pledges@Example.org", "o'brien@mail.co.uk",
            "jörg@bücher.de", "x@a.io"})
    void addressesMailCanGoToAreValid(String email) {
        assertThat(EmailAddress.Validator.valid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.org", "ada@example", "ada..x@example.org", ".ada@example.org",
            "ada.@example.org", "ada lovelace@example.org", "ada@exa mple.org", "ada@-example.org",
            "ada@example.123", "\"ada\"@example.org", "ada@[127.0.0.1]", "ada\u202E@example.org",
            "ada\u200B@example.org"})
    void othersAreNot(String email) {
        assertThat(EmailAddress.Validator.valid(email)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 65})
    void theLocalPartIsAtMost64Characters(int length) {
        assertThat(EmailAddress.Validator.valid("a".repeat(length) + "@example.org")).isEqualTo(length <= 64);
    }
}
