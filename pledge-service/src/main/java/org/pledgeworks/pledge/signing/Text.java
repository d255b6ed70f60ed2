package org.pledgeworks.pledge.signing;

/** Patterns for text people type. */
final class Text {

    /**
     * No control characters, no lone surrogates, no private-use or unassigned code points, and no
     * invisible formatting characters (zero-width space, bidi overrides and isolates, BOM) that make
     * a name display as something else. Zero-width (non-)joiners stay: Persian and emoji need them.
     */
    static final String PRINTABLE = "[^\\p{Cc}\\p{Cs}\\p{Co}\\p{Cn}\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*";

    private Text() {
    }
}
