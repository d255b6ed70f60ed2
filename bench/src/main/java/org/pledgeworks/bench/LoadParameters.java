package org.pledgeworks.bench;

import java.time.Duration;

/**
 * What one Gatling run is asked to do, handed to the simulation through system properties (Gatling
 * instantiates simulations itself, by class name, in this JVM).
 */
record LoadParameters(String baseUrl, String path, double rate, Duration duration, String emailPrefix,
        boolean recordAccepted) {

    static final String PREFIX = "pledgeworks.bench.";

    void publish() {
        System.setProperty(PREFIX + "baseUrl", baseUrl);
        System.setProperty(PREFIX + "path", path);
        System.setProperty(PREFIX + "rate", Double.toString(rate));
        System.setProperty(PREFIX + "seconds", Long.toString(duration.toSeconds()));
        System.setProperty(PREFIX + "emailPrefix", emailPrefix);
        System.setProperty(PREFIX + "recordAccepted", Boolean.toString(recordAccepted));
    }

    static LoadParameters current() {
        return new LoadParameters(System.getProperty(PREFIX + "baseUrl"), System.getProperty(PREFIX + "path"),
                Double.parseDouble(System.getProperty(PREFIX + "rate")),
                Duration.ofSeconds(Long.parseLong(System.getProperty(PREFIX + "seconds"))),
                System.getProperty(PREFIX + "emailPrefix", "bench"),
                Boolean.parseBoolean(System.getProperty(PREFIX + "recordAccepted", "false")));
    }

    /** Every run stops by itself: the injection ends after {@code duration}, the run at most 30 s later. */
    Duration hardLimit() {
        return duration.plusSeconds(30);
    }
}
