package org.pledgeworks.pledge.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "Jane.Doe@Gmail.com, janedoe@gmail.com",
            "j.a.n.e.doe+pledges@googlemail.com, janedoe@gmail.com",
            "Jane.Doe+news@example.org, jane.doe@example.org",
            "  jane@EXAMPLE.org , jane@example.org",
            "jane.doe@outlook.com, jane.doe@outlook.com"
    })
    void oneInboxIsOneIdentity(String typed, String identity) {
        assertThat(EmailAddresses.normalise(typed)).isEqualTo(identity);
    }

    @ParameterizedTest
    @CsvSource({"jane@example.org, example.org", "x@mail.co.uk, mail.co.uk"})
    void theDomainIsWhatFollowsTheAt(String email, String domain) {
        assertThat(EmailAddresses.domain(email)).isEqualTo(domain);
    }
}
