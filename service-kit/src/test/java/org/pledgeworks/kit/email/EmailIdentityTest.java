package org.pledgeworks.kit.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailIdentityTest {

    @ParameterizedTest
    @CsvSource({
            "' Ada@Example.org ',        ada@example.org",
            "ada+pledges@example.org,    ada@example.org",
            "a.d.a@gmail.com,            ada@gmail.com",
            "A.D.A+x@GoogleMail.com,     ada@gmail.com",
            "a.da@example.org,           a.da@example.org",
            "+ada@example.org,           +ada@example.org",
            "not-an-address,             not-an-address" })
    void oneInboxIsOnePerson(String typed, String identity) {
        assertThat(EmailIdentity.normalise(typed)).isEqualTo(identity);
    }
}
