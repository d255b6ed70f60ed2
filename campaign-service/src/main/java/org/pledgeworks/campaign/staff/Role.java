package org.pledgeworks.campaign.staff;

import java.util.Locale;
import java.util.Optional;

/** A staff member's role in one organisation; later constants include the rights of earlier ones. */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    public boolean canChange() {
        return this != VIEWER;
    }

    static Optional<Role> parse(Object claim) {
        if (!(claim instanceof String s)) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
