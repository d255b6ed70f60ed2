package org.pledgeworks.campaign.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What staff send to create or edit a campaign. Status, counts and versions are not in it, so they
 * cannot be mass-assigned.
 */
record CampaignInput(
        @NotBlank @Size(max = 80) @Pattern(regexp = SLUG, message = "must be lower-case words joined by hyphens") String slug,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 1000) String summary,
        @Size(max = 20_000) String description,
        @NotBlank @Size(max = 5000) String pledgeText,
        @NotNull @Pattern(regexp = LOCALE, message = "must be a locale such as en or pt-BR") String defaultLocale,
        @Size(max = 20) Map<@Pattern(regexp = LOCALE, message = "must be a locale such as en or pt-BR") String,
                @Valid @NotNull TranslationInput> translations,
        @NotNull @Positive @Max(1_000_000_000) Long goal,
        @NotBlank @Size(max = 64) String ownerOrganisation,
        @Size(max = MAX_PARTNERS) List<@NotBlank @Size(max = 64) String> partnerOrganisations,
        Instant startsAt,
        Instant endsAt,
        @Size(max = 2000) String imageUrl,
        @Size(max = 20) List<@NotNull @Positive @Max(1_000_000_000) Long> milestoneThresholds) {

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";
    /**
     * Coalitions of a hundred organisations and more run campaigns together (issue 25); 20 refused them.
     * The bound keeps a campaign document and its {@code campaign-published} event reasonable (500 ids of
     * at most 64 characters are some 35 KB) and the staff route's 256 KB body limit far away.
     */
    static final int MAX_PARTNERS = 500;
    static final String LOCALE = "^[a-z]{2}(-[A-Z]{2})?$";

    record TranslationInput(@NotBlank @Size(max = 200) String title, @Size(max = 1000) String summary,
            @Size(max = 5000) String pledgeText) {
    }

    /** A new pledge text; translations by locale. */
    record PledgeTextInput(@NotBlank @Size(max = 5000) String pledgeText,
            @Size(max = 20) Map<@Pattern(regexp = LOCALE, message = "must be a locale such as en or pt-BR") String,
                    @NotBlank @Size(max = 5000) String> translations) {
    }
}
