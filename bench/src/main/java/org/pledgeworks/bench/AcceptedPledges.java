package org.pledgeworks.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each pledge of the mail run was accepted (the 202 arrived), by address: the start of "pledge → mail". */
final class AcceptedPledges {

    private static final Map<String, Long> ACCEPTED_AT = new ConcurrentHashMap<>();

    private AcceptedPledges() {
    }

    static void accepted(String email, long epochMillis) {
        ACCEPTED_AT.put(email.toLowerCase(java.util.Locale.ROOT), epochMillis);
    }

    static Map<String, Long> snapshot() {
        return Map.copyOf(ACCEPTED_AT);
    }

    static void clear() {
        ACCEPTED_AT.clear();
    }
}
