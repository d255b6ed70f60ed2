package org.pledgeworks.campaign.interest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person sends to express interest. The consent is explicit: the box must be ticked ({@code true}),
 * and the page sends the words it showed beside it and their version, which are kept with the interest.
 *
 * @param locale the language the person reads (for the mail); absent: the campaign's
 */
record InterestInput(
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters")
        String name,
        @NotBlank @Size(max = 254) @Email String email,
        @Size(max = 2000, message = "must be at most 2000 characters") String message,
        @NotNull(message = "must be true: we pass your details on only if you agree")
        @AssertTrue(message = "must be true: we pass your details on only if you agree") Boolean consent,
        @NotBlank @Size(max = 2000) String consentWording,
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9._-]+$", message = "must be a version such as 2026-12")
        String consentVersion,
        @Pattern(regexp = "^[a-z]{2}(-[A-Z]{2})?$", message = "must be a language tag such as en or de-AT") String locale) {
}
