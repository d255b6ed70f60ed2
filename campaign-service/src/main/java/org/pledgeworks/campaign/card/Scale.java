package org.pledgeworks.campaign.card;

import java.util.Locale;
import java.util.Optional;

/**
 * How an indicator is assessed, and how an assessment becomes a score from 0 to 100 (null when
 * there is no data, which is left out of averages rather than counted as zero).
 */
enum Scale {
    /** a number from 0 to 100 */
    PERCENT("percent"),
    /** yes, partial, no or no-data, as ECPAT's country cards and KnowTheChain's benchmarks use */
    YES_PARTIAL_NO("yes-partial-no");

    final String wireName;

    Scale(String wireName) {
        this.wireName = wireName;
    }

    static Optional<Scale> parse(String value) {
        for (Scale scale : values()) {
            if (scale.wireName.equals(value)) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }

    /**
     * @return empty when the value does not fit this scale; otherwise the score, which is itself
     *         null for "no data"
     */
    Optional<Score> score(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (this) {
            case PERCENT -> {
                if (v.equals("no-data")) {
                    yield Optional.of(new Score(null));
                }
                try {
                    double d = Double.parseDouble(v);
                    yield d >= 0 && d <= 100 && !Double.isNaN(d) ? Optional.of(new Score(d)) : Optional.empty();
                }
                catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
            case YES_PARTIAL_NO -> switch (v) {
                case "yes" -> Optional.of(new Score(100.0));
                case "partial" -> Optional.of(new Score(50.0));
                case "no" -> Optional.of(new Score(0.0));
                case "no-data" -> Optional.of(new Score(null));
                default -> Optional.empty();
            };
        };
    }

    /**
     * The words a reader sees for a stored value, next to its colour: the colour alone says nothing to
     * someone who cannot tell the colours apart, or hears the page read aloud.
     */
    String label(String value) {
        if (value == null || value.equals("no-data")) {
            return "No data";
        }
        return switch (this) {
            case PERCENT -> {
                try {
                    double d = Double.parseDouble(value);
                    yield (d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d)) + "%";
                }
                catch (NumberFormatException e) {
                    // assessed on another scale before the framework changed: the value as it was given
                    yield value;
                }
            }
            case YES_PARTIAL_NO -> switch (value) {
                case "yes" -> "Yes";
                case "partial" -> "Partial";
                case "no" -> "No";
                default -> value;
            };
        };
    }

    record Score(Double value) {
    }

    /**
     * Three bands of a 0–100 score, which the page colours; thirds, so that yes, partial and no fall one in
     * each, and a percentage or a mean reads on the same scale.
     */
    enum Band {
        GOOD("good", "Good"), FAIR("fair", "Fair"), POOR("poor", "Poor"), NO_DATA("no-data", "No data"),
        NOT_ASSESSED("not-assessed", "Not assessed");

        final String wireName;
        final String label;

        Band(String wireName, String label) {
            this.wireName = wireName;
            this.label = label;
        }

        static Band of(Double score) {
            if (score == null) {
                return NO_DATA;
            }
            return score >= 200 / 3.0 ? GOOD : score >= 100 / 3.0 ? FAIR : POOR;
        }
    }
}
