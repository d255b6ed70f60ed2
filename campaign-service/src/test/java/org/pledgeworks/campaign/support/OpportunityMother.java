package org.pledgeworks.campaign.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pledgeworks.kit.testing.TestClock;

/** Opportunity bodies as staff send them: valid by default, posted by the given organisation. */
public final class OpportunityMother {

    private OpportunityMother() {
    }

    public static Map<String, Object> inPerson(String postingOrganisation) {
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("postingOrganisation", postingOrganisation);
        body.put("title", "Speak at a school");
        body.put("description", "Give a **30-minute** talk; we provide the slides.");
        body.put("skills", List.of("Public speaking", "teaching"));
        body.put("timeCommitment", "2 hours a month");
        body.put("remote", false);
        body.put("place", Map.of("address", "Marktplatz 1", "city", "Leipzig", "countryCode", "DE"));
        body.put("startsAt", now.plus(7, ChronoUnit.DAYS).toString());
        body.put("endsAt", now.plus(90, ChronoUnit.DAYS).toString());
        body.put("peopleWanted", 5);
        body.put("contact", Map.of("email", "volunteers@example.org"));
        return body;
    }

    public static Map<String, Object> remote(String postingOrganisation) {
        Map<String, Object> body = inPerson(postingOrganisation);
        body.put("title", "Coordinate events online");
        body.put("skills", List.of("events coordination"));
        body.put("remote", true);
        body.remove("place");
        body.put("contact", Map.of("url", "https://example.org/volunteer"));
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
