package org.pledgeworks.pledge.signing;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledgeworks.pledge.referrals.ReferralCodes;
import org.pledgeworks.pledge.signatures.EmailAddress;

/**
 * What a consumer sends to sign. Only these fields bind: anything else in the body (a {@code status},
 * a {@code verified}) is ignored, so it cannot be mass-assigned; a key that looks like a database
 * operator ({@code $set}, {@code a.b}) is refused outright.
 *
 * @param website the honeypot: a field people never see, so only a robot fills it in
 */
@PostalCodeFitsCountry
record SignPledgeRequest(
        @NotBlank(message = "Please tell us your name.")
        @Size(max = 100, message = "Your name can be at most 100 characters.")
        @Pattern(regexp = Text.PRINTABLE, message = "Your name cannot contain control or invisible formatting characters.")
        String name,

        @NotBlank(message = "Please give your email address.")
        @EmailAddress
        String email,

        @NotNull(message = "Please choose your country.")
        @IsoCountry
        String country,

        @Size(max = 12, message = "A postal code is at most 12 characters.")
        String postalCode,

        Boolean consentToUpdates,

        @Size(max = 35, message = "A locale is at most 35 characters.")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", message = "A locale is a language tag such as 'en' or 'pt-BR'.")
        String locale,

        @Valid
        Source source,

        @Size(max = 200, message = "Too long.")
        String website,

        @JsonAnySetter
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        Map<String, Object> otherFields) {

    String trimmedName() {
        return name.strip();
    }

    boolean consents() {
        return Boolean.TRUE.equals(consentToUpdates);
    }

    String normalisedPostalCode() {
        return postalCode == null || postalCode.isBlank() ? null : postalCode.strip().toUpperCase(java.util.Locale.ROOT);
    }

    boolean honeypotFilled() {
        return website != null && !website.isBlank();
    }

    @AssertTrue(message = "Field names cannot start with '$' or contain '.'.")
    boolean isFieldNames() {
        return otherFields == null || otherFields.keySet().stream().noneMatch(k -> k.startsWith("$") || k.contains("."));
    }

    /** Where the signer came from: campaign tags of the link they followed. */
    record Source(
            @JsonProperty("utm_source") @Size(max = 100) @Pattern(regexp = Text.PRINTABLE) String utmSource,
            @JsonProperty("utm_medium") @Size(max = 100) @Pattern(regexp = Text.PRINTABLE) String utmMedium,
            @JsonProperty("utm_campaign") @Size(max = 100) @Pattern(regexp = Text.PRINTABLE) String utmCampaign,
            @JsonProperty("utm_term") @Size(max = 100) @Pattern(regexp = Text.PRINTABLE) String utmTerm,
            @JsonProperty("utm_content") @Size(max = 100) @Pattern(regexp = Text.PRINTABLE) String utmContent,
            @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "A referrer is an http(s) URL.") String referrer,
            @Pattern(regexp = ReferralCodes.PATTERN, message = "A referral code is 6 to 32 letters, digits, '-' or '_'.")
            String ref) {

        /** The tags given, by their names on the wire; blank ones left out. */
        java.util.Map<String, String> values() {
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            put(values, "utm_source", utmSource);
            put(values, "utm_medium", utmMedium);
            put(values, "utm_campaign", utmCampaign);
            put(values, "utm_term", utmTerm);
            put(values, "utm_content", utmContent);
            put(values, "referrer", referrer);
            put(values, "ref", ref);
            return values;
        }

        private static void put(java.util.Map<String, String> values, String key, String value) {
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
            }
        }
    }
}
