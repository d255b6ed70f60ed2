package org.pledgeworks.campaign.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.pledgeworks.kit.testing.StaffTokens;

/** Organisation profiles as staff send them: valid by default, each test changes what it is about. */
public final class OrganisationMother {

    /** Whose admins run the platform in the tests: application.yml's default of PLEDGEWORKS_OPERATOR_ORGANISATIONS. */
    public static final String OPERATORS = "fair-supply-coalition";

    private OrganisationMother() {
    }

    /** A fresh id, so that tests sharing the database never meet each other's organisations. */
    public static String newId() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> profile(String organisationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationId", organisationId);
        body.put("name", "Coalition member " + organisationId);
        body.put("description", "Works for supply chains free of forced labour.");
        body.put("website", "https://" + organisationId + ".example.org");
        body.put("logoUrl", "https://" + organisationId + ".example.org/logo.svg");
        body.put("contactEmail", "hello@" + organisationId + ".example.org");
        body.put("socialLinks", List.of("https://social.example.org/@" + organisationId));
        body.put("kind", "ngo");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** An admin of the platform's operating organisation: may create organisations. */
    public static String operator() {
        return StaffTokens.forRoles(Map.of(OPERATORS, "admin"));
    }

    public static String adminOf(String organisationId) {
        return StaffTokens.forRoles(Map.of(organisationId, "admin"));
    }
}
