package org.pledgeworks.campaign.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.calendar.CalendarEvent.Details;
import org.pledgeworks.campaign.calendar.CalendarEvent.Venue;
import org.pledgeworks.campaign.system.InvalidInputException.FieldProblem;

/**
 * A calendar event as staff write it. Bean Validation checks each field; {@link #problems} the rules
 * across fields (and the time zone, which needs the tz database), so that one answer names every
 * offending field.
 *
 * @param startsAt local date-time in {@code timeZone}, without an offset: {@code 2027-05-01T19:00}
 * @param onlineUrl https only: a link from our pages must not downgrade the reader
 */
record CalendarEventInput(
        @NotBlank @Size(max = 100) String organisingOrganisation,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 20_000) String description,
        @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @Valid VenueInput place,
        @Size(max = 500) @Pattern(regexp = "^https://[^\\s<>\"]+$", message = "must be an https:// address")
        String onlineUrl,
        @Min(1) @Max(1_000_000) Integer capacity) {

    /** Long enough for a camp or an action week; longer is a campaign, not an event. */
    static final Duration LONGEST = Duration.ofDays(14);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    record VenueInput(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String address,
            @NotBlank @Size(max = 100) String city,
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166 country code such as DE")
            String countryCode) {
    }

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        ZoneId zone = zone();
        if (timeZone != null && !timeZone.isBlank() && zone == null) {
            problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        }
        if (place == null && isBlank(onlineUrl)) {
            problems.add(new FieldProblem("place", "is required unless there is an onlineUrl"));
        }
        if (place != null && place.countryCode() != null && !COUNTRIES.contains(place.countryCode())) {
            problems.add(new FieldProblem("place.countryCode", "is not an ISO 3166 country code"));
        }
        if (startsAt != null && endsAt != null && zone != null) {
            Duration length = Duration.between(startsAt.atZone(zone), endsAt.atZone(zone));
            if (length.isNegative() || length.isZero()) {
                problems.add(new FieldProblem("endsAt", "must be after startsAt"));
            }
            else if (length.compareTo(LONGEST) > 0) {
                problems.add(new FieldProblem("endsAt", "must be at most 14 days after startsAt"));
            }
        }
        return problems;
    }

    /**
     * Only ids of the tz database ({@code Europe/Berlin}, {@code UTC}): a fixed offset such as
     * {@code +02:00} would leave the event at the wrong hour when the clocks change, which is what asking
     * for the zone prevents.
     */
    private ZoneId zone() {
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone.strip())) {
            return null;
        }
        try {
            return ZoneId.of(timeZone.strip());
        }
        catch (DateTimeException e) {
            return null;
        }
    }

    Details details() {
        Venue venue = place == null ? null : new Venue(place.name().strip(), blankToNull(place.address()),
                place.city().strip(), place.countryCode());
        return new Details(title.strip(), description, startsAt.truncatedTo(ChronoUnit.MINUTES),
                endsAt.truncatedTo(ChronoUnit.MINUTES), zone().getId(), venue, blankToNull(onlineUrl), capacity);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
