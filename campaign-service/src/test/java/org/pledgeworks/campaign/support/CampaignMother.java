package org.pledgeworks.campaign.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.pledgeworks.kit.testing.StaffTokens;
import org.pledgeworks.kit.testing.TestClock;

/** Campaign bodies as staff send them: valid by default, each test changes what it is about. */
public final class CampaignMother {

    public static final String OWNER = "mother-owner";
    public static final String PARTNER = "mother-partner";
    public static final String OTHER = "mother-other";

    private CampaignMother() {
    }

    public static Map<String, Object> draft() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", "test-campaign-" + suffix);
        body.put("title", "Test campaign " + suffix);
        body.put("summary", "A campaign made by a test.");
        body.put("description", "Why it **matters**.");
        body.put("pledgeText", "I pledge to test things.");
        body.put("defaultLocale", "en");
        body.put("translations", Map.of("fr", Map.of("title", "Campagne de test", "summary", "Un résumé",
                "pledgeText", "Je m'engage à tester.")));
        body.put("goal", 5000);
        body.put("ownerOrganisation", OWNER);
        body.put("partnerOrganisations", List.of(PARTNER));
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        body.put("startsAt", now.toString());
        body.put("endsAt", now.plus(30, ChronoUnit.DAYS).toString());
        body.put("imageUrl", "https://images.example.org/campaign.jpg");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** The owner's admin: may do everything to the mother's campaigns. */
    public static String ownerAdmin() {
        return StaffTokens.forRoles(Map.of(OWNER, "admin"));
    }
}
