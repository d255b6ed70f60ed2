package org.pledgeworks.campaign.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Bodies of an expression of interest as the opportunity page sends them: valid, a fresh address each. */
public final class InterestMother {

    public static final String WORDING = "I agree that the organisation that posted this opportunity may contact me "
            + "about it by email.";

    private InterestMother() {
    }

    public static Map<String, Object> interest() {
        return interest("volunteer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    }

    public static Map<String, Object> interest(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Ada Volunteer");
        body.put("email", email);
        body.put("message", "I teach maths and can do Tuesdays.");
        body.put("consent", true);
        body.put("consentWording", WORDING);
        body.put("consentVersion", "2026-12");
        body.put("locale", "en");
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
