package org.pledgeworks.campaign.updates;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An update as staff write it: Markdown, one locale, and optional variants in other locales. */
record UpdateInput(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 50_000) String body,
        @Pattern(regexp = LOCALE, message = "must be a locale such as en or pt-BR") String locale,
        @Size(max = 20) List<@Valid @NotNull VariantInput> variants) {

    static final String LOCALE = "^[a-z]{2}(-[A-Z]{2})?$";

    record VariantInput(
            @NotNull @Pattern(regexp = LOCALE, message = "must be a locale such as en or pt-BR") String locale,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 50_000) String body) {
    }

    record ScheduleInput(@NotNull Instant publishAt) {
    }
}
