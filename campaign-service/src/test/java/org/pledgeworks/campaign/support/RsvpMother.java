package org.pledgeworks.campaign.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** RSVP bodies as an event page sends them: valid, a fresh address each. */
public final class RsvpMother {

    public static final String WORDING = "We use your name and address for this event only.";

    private RsvpMother() {
    }

    public static Map<String, Object> rsvp() {
        return rsvp("guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    }

    public static Map<String, Object> rsvp(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Ada Guest");
        body.put("email", email);
        body.put("locale", "en");
        body.put("consentWording", WORDING);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        return CalendarEventMother.with(body, field, value);
    }
}
