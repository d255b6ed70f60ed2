package org.pledgeworks.pledge.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** Sign-up bodies for tests: a valid one by default, changed one field at a time. */
public final class PledgeMother {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private PledgeMother() {
        fields.put("name", "Ada Example");
        fields.put("email", "ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        fields.put("country", "GB");
        fields.put("consentToUpdates", true);
    }

    public static PledgeMother aPledge() {
        return new PledgeMother();
    }

    public PledgeMother with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public PledgeMother without(String field) {
        fields.remove(field);
        return this;
    }

    public String email() {
        return (String) fields.get("email");
    }

    public String json() {
        return JSON.writeValueAsString(fields);
    }
}
