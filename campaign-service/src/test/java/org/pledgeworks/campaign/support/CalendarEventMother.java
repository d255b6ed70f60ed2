package org.pledgeworks.campaign.support;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pledgeworks.kit.testing.TestClock;

/** Calendar event bodies as staff send them: valid by default, in Berlin, organised by the given organisation. */
public final class CalendarEventMother {

    public static final String ZONE = "Europe/Berlin";

    private CalendarEventMother() {
    }

    /** An evening meeting {@code daysAhead} days from the test clock's today (negative: in the past). */
    public static Map<String, Object> meeting(String organisingOrganisation, int daysAhead) {
        LocalDateTime start = LocalDateTime.ofInstant(TestClock.now(), ZoneId.of(ZONE)).toLocalDate()
                .plusDays(daysAhead).atTime(19, 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisingOrganisation", organisingOrganisation);
        body.put("title", "Supply chains, an evening of questions");
        body.put("description", "Bring your **questions**; we bring the researchers.");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plusHours(2).toString());
        body.put("timeZone", ZONE);
        body.put("place", Map.of("name", "Volkshaus", "address", "Karl-Liebknecht-Straße 30", "city", "Leipzig",
                "countryCode", "DE"));
        body.put("capacity", 120);
        return body;
    }

    public static Map<String, Object> meeting(String organisingOrganisation) {
        return meeting(organisingOrganisation, 7);
    }

    public static Map<String, Object> online(String organisingOrganisation) {
        Map<String, Object> body = meeting(organisingOrganisation);
        body.put("title", "Webinar: what the card measures");
        body.remove("place");
        body.put("onlineUrl", "https://meet.example.org/card");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(field);
        }
        else {
            copy.put(field, value);
        }
        return copy;
    }
}
