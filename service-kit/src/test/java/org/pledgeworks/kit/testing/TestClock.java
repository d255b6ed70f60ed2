package org.pledgeworks.kit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The time every test and every service under test reads: the wall clock, moved by the offset given
 * in the system property {@value #OFFSET_PROPERTY} (an ISO-8601 duration such as {@code P400D} or
 * {@code -P365D}; none by default). {@code .ci/time-travel} runs the suites with the clock a year
 * ahead and a year back, so a fixture that holds a date which has passed, or a service that reads
 * the wall clock where it should read its {@link Clock} bean, fails today rather than next year.
 *
 * <p>Fixtures ask this class for "now" and compute every deadline from it; services get
 * {@link #clock()} as their {@code Clock} bean through {@link TestClockConfiguration}.
 */
public final class TestClock {

    public static final String OFFSET_PROPERTY = "pledgeworks.test.clock-offset";

    private static final Duration OFFSET = offsetFromProperty();

    private static final Clock CLOCK = Clock.offset(Clock.systemUTC(), OFFSET);

    private TestClock() {
    }

    /** The clock services under test are given. */
    public static Clock clock() {
        return CLOCK;
    }

    public static Instant now() {
        return CLOCK.instant();
    }

    /** How far the test clock stands from the wall clock (zero unless a time-travel run set it). */
    public static Duration offset() {
        return OFFSET;
    }

    private static Duration offsetFromProperty() {
        String value = System.getProperty(OFFSET_PROPERTY, "").trim();
        if (value.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            Duration offset = Duration.parse(value);
            if (!offset.isZero()) {
                System.err.printf("pledgeworks tests: the test clock stands %s from the wall clock (%s=%s)%n",
                        offset, OFFSET_PROPERTY, value);
            }
            return offset;
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException(OFFSET_PROPERTY + " must be an ISO-8601 duration such as P400D or -P365D, not '"
                    + value + "'", e);
        }
    }
}
