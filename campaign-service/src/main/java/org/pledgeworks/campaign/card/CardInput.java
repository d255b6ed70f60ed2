package org.pledgeworks.campaign.card;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What staff send to keep the card. */
final class CardInput {

    static final String KEY = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String KEY_MESSAGE = "must be lower-case words joined by hyphens";

    private CardInput() {
    }

    /**
     * @param countryCode    optional ISO 3166 alpha-2, so a card of countries can show and sort by it
     * @param organisationId optional: an organisation that endorses the campaign, whose commitment this
     *                       target follows
     */
    record TargetInput(@NotBlank @Size(max = 200) String name, @Size(max = 50) String kind,
            @Pattern(regexp = "^[A-Za-z]{2}$", message = "must be an ISO 3166 alpha-2 code such as GB") String countryCode,
            @Size(max = 64) String organisationId) {
    }

    record FrameworkInput(@NotEmpty @Size(max = 20) List<@Valid @NotNull ThemeInput> themes) {
    }

    record ThemeInput(@NotBlank @Size(max = 40) @Pattern(regexp = KEY, message = KEY_MESSAGE) String themeId,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull IndicatorInput> indicators) {
    }

    record IndicatorInput(@NotBlank @Size(max = 40) @Pattern(regexp = KEY, message = KEY_MESSAGE) String indicatorId,
            @NotBlank @Size(max = 300) String name,
            @NotNull @Pattern(regexp = "percent|yes-partial-no", message = "must be percent or yes-partial-no") String scale) {
    }

    record AssessmentInput(
            @NotBlank @Size(max = 20) @Pattern(regexp = "^[0-9A-Za-z-]+$", message = "must be a label such as 2026 or 2026-q1") String cycle,
            @NotBlank @Size(max = 40) String indicatorId,
            @NotBlank @Size(max = 20) String value,
            @Size(max = 2000) String evidenceLink,
            @Size(max = 5000) String evidenceNote) {
    }

    record ReplyRequestInput(@NotNull Instant deadline, @Size(max = 5000) String note) {
    }

    record ReplyInput(@NotBlank @Size(max = 20_000) String response, @Size(max = 2000) String link) {
    }
}
