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

    record Score(Double value) {
    }
}
