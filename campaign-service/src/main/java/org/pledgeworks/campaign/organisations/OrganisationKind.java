package org.pledgeworks.campaign.organisations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What sort of body an organisation is, so that a reader of a coalition can tell a charity from a
 * company or the police. Deliberately coarse: a directory filter, not a legal classification.
 */
enum OrganisationKind {
    NGO, COMPANY, PUBLIC_BODY, POLICE, ACADEMIC, FAITH, OTHER;

    /** The names on the wire, for the input's pattern and its message. */
    static final String WIRE_NAMES = "ngo|company|public-body|police|academic|faith|other";

    String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<OrganisationKind> fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wireName().equals(value)).findFirst();
    }
}
