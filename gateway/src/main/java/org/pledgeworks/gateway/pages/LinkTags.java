package org.pledgeworks.gateway.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * The tags of the link a campaign page was opened with ({@code ref}, {@code utm_*}), which the sign form
 * passes on as hidden fields so that a signature made without script records where it came from too.
 * A tag pledge-service would refuse is dropped here: a mangled link must never stop anyone signing.
 */
record LinkTags(Map<String, String> values) {

    static final LinkTags NONE = new LinkTags(Map.of());

    private static final List<String> UTM = List.of("utm_source", "utm_medium", "utm_campaign", "utm_term",
            "utm_content");
    /** pledge-service's {@code ReferralCodes.PATTERN}. */
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{6,32}");
    /** What pledge-service's {@code Text.PRINTABLE} lets through, up to its 100 characters. */
    private static final Pattern TAG = Pattern.compile("[^\\p{C}\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u206F"
            + "\\uFEFF\\uFFF9-\\uFFFB]{1,100}");

    LinkTags {
        values = Map.copyOf(values);
    }

    static LinkTags from(MultiValueMap<String, String> query) {
        Map<String, String> kept = new LinkedHashMap<>();
        String ref = query.getFirst("ref");
        if (ref != null && REF.matcher(ref).matches()) {
            kept.put("ref", ref);
        }
        for (String name : UTM) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank() && TAG.matcher(value.strip()).matches()) {
                kept.put(name, value.strip());
            }
        }
        return kept.isEmpty() ? NONE : new LinkTags(kept);
    }

    /** Hidden inputs for the sign form, in a fixed order so the page is the same for the same link. */
    String hiddenFields() {
        StringBuilder fields = new StringBuilder();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(tag -> fields
                .append("                  <input type=\"hidden\" name=\"").append(Html.text(tag.getKey()))
                .append("\" value=\"").append(Html.text(tag.getValue())).append("\">\n"));
        return fields.toString();
    }
}
