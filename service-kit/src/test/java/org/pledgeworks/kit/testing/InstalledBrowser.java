package org.pledgeworks.kit.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium and its driver, found by path so that nothing (Selenium Manager included) ever
 * downloads a browser. {@code ./pledgeworks test} installs both where it can (root, apt-get).
 */
public final class InstalledBrowser implements ExecutionCondition {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The reason a browser test gives when it is skipped; {@code ./pledgeworks test} counts it. */
    public static final String SKIPPED = "skipped: no browser";

    private static volatile boolean announced;

    public static boolean present() {
        return List.of(CHROMIUM, CHROMEDRIVER).stream().allMatch(Files::isExecutable);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (present()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (!announced) {
            announced = true;
            System.err.println("*** " + SKIPPED + ": " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing, so the browser tests do not run (apt-get install chromium chromium-driver,"
                    + " or run ./pledgeworks test as root) ***");
        }
        return ConditionEvaluationResult.disabled(SKIPPED + " (apt-get install chromium chromium-driver)");
    }
}
