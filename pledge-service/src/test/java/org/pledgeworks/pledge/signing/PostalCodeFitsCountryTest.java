package org.pledgeworks.pledge.signing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostalCodeFitsCountryTest {

    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @ParameterizedTest
    @CsvSource({"GB, SW1A 1AA, true", "GB, sw1a1aa, true", "GB, 12345, false", "US, 94105, true",
            "US, 94105-1234, true", "US, 9410, false", "DE, 10115, true", "DE, 1011, false", "NL, 1012 AB, true",
            "NL, 0123 AB, false", "PL, 00-950, true", "PL, 00950, false", "CA, K1A 0B1, true", "IE, D02 X285, true",
            "JP, 100-0001, true", "ZA, 0001, true", "ZA, ###, false"})
    void aPostalCodeHasItsCountrysShape(String country, String code, boolean valid) {
        SignPledgeRequest request = new SignPledgeRequest("Ada", "ada@example.org", country, code, true, "en", null,
                null, null);

        assertThat(VALIDATOR.validate(request)).as(country + " " + code)
                .filteredOn(v -> v.getPropertyPath().toString().equals("postalCode"))
                .hasSize(valid ? 0 : 1);
    }
}
