package org.pledgeworks.campaign.rsvp;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a person sends to say they will come.
 *
 * @param locale         the language the person reads (for the mails); absent: the campaign's
 * @param consentWording the words the form showed about what is done with name and address, kept with the
 *                       RSVP; absent when the form showed none
 */
record RsvpInput(
        @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters")
        String name,
        @NotBlank @Size(max = 254) @Email String email,
        @Pattern(regexp = "^[a-z]{2}(-[A-Z]{2})?$", message = "must be a language tag such as en or de-AT") String locale,
        @Size(max = 2000, message = "must be at most 2000 characters") String consentWording) {
}
