package org.pledgeworks.pledge.signatures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a signature holds about the person, apart from the key of their address: all of it goes when
 * they ask to be erased, and the anonymous rest of the signature stays (and keeps counting).
 *
 * @param email  the address as typed, where mail goes
 * @param ipHash a keyed hash of the network address signed from
 * @param source campaign tags of the link followed ({@code utm_source}, ..., {@code referrer}); may be empty
 */
public record PersonalData(String name, String email, String emailDomain, String postalCode, String locale,
        boolean consentToUpdates, String ipHash, Map<String, String> source) {

    public PersonalData {
        source = source == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
