package org.pledgeworks.campaign.opportunities;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.opportunities.Opportunity.Contact;
import org.pledgeworks.campaign.opportunities.Opportunity.Details;
import org.pledgeworks.campaign.opportunities.Opportunity.Place;
import org.pledgeworks.campaign.system.InvalidInputException.FieldProblem;

/**
 * An opportunity as staff write it. Bean Validation checks each field; {@link #problems} the rules across
 * fields, so that one answer names every offending field.
 */
record OpportunityInput(
        @NotBlank @Size(max = 100) String postingOrganisation,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 20_000) String description,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> skills,
        @Size(max = 200) String timeCommitment,
        Boolean remote,
        @Valid PlaceInput place,
        Instant startsAt,
        Instant endsAt,
        @NotNull @Min(1) @Max(10_000) Integer peopleWanted,
        @NotNull @Valid ContactInput contact) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    record PlaceInput(
            @Size(max = 200) String address,
            @NotBlank @Size(max = 100) String city,
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 country code such as DE")
            String countryCode) {
    }

    /** @param url https only: a contact page reached from our pages must not downgrade the reader */
    record ContactInput(
            @Email @Size(max = 254) String email,
            @Size(max = 500) @Pattern(regexp = "^https://[^\\s<>\"]+$", message = "must be an https:// address")
            String url) {
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Boolean.TRUE.equals(remote) && place == null) {
            problems.add(new FieldProblem("place", "is required unless the opportunity is remote"));
        }
        if (place != null && place.countryCode() != null && !COUNTRIES.contains(place.countryCode())) {
            problems.add(new FieldProblem("place.countryCode", "is not an ISO 3166 country code"));
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        }
        if (contact != null && isBlank(contact.email()) && isBlank(contact.url())) {
            problems.add(new FieldProblem("contact", "needs an email or a url"));
        }
        return problems;
    }

    Details details() {
        Place where = place == null ? null
                : new Place(blankToNull(place.address()), place.city().strip(), place.countryCode());
        return new Details(title.strip(), description, skills == null ? List.of()
                : skills.stream().map(String::strip).distinct().toList(), blankToNull(timeCommitment),
                Boolean.TRUE.equals(remote), where, startsAt, endsAt, peopleWanted,
                new Contact(blankToNull(contact.email()), blankToNull(contact.url())));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
