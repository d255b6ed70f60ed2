package org.pledgeworks.campaign.endorsements;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an organisation's admin sends to endorse: an optional quote, shown as plain text beside the logo.
 * Line breaks are allowed (a quote may have two sentences on two lines); other control characters are not.
 */
record EndorsementInput(
        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(regexp = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*$", message = "must not contain control characters")
        String quote) {

    /** Blank is the same as no quote. */
    String cleanQuote() {
        return quote == null || quote.isBlank() ? null : quote.strip();
    }
}
