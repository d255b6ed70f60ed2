package org.pledgeworks.pledge.signing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a consumer sends to sign. Only these fields bind: anything else in the body (a {@code status},
 * a {@code verified}) is ignored, so it cannot be mass-assigned.
 */
record SignPledgeRequest(
        @NotBlank(message = "Please tell us your name.")
        @Size(max = 100, message = "Your name can be at most 100 characters.")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "Your name cannot contain control characters.")
        String name,

        @NotBlank(message = "Please give your email address.")
        @Size(max = 254, message = "An email address is at most 254 characters.")
        @Email(regexp = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+", message = "This does not look like an email address.")
        String email,

        @NotNull(message = "Please choose your country.")
        @IsoCountry
        String country,

        Boolean consentToUpdates,

        @Size(max = 35, message = "A locale is at most 35 characters.")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "A locale is a language tag such as 'en' or 'pt-BR'.")
        String locale) {

    String trimmedName() {
        return name.strip();
    }

    boolean consents() {
        return Boolean.TRUE.equals(consentToUpdates);
    }
}
