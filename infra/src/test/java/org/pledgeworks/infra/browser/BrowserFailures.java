package org.pledgeworks.infra.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When a test that used the browser fails, keeps what the browser showed: a screenshot and the page
 * source of each open window in {@code infra/target/browser-failures/<Class>.<test>.png/.html}. Register
 * with {@code @RegisterExtension}; tests that never started the browser leave nothing behind.
 */
public final class BrowserFailures implements TestWatcher {

    private final Supplier<Browser> browser;

    /** @param browser the browser the tests use, or null while none has been started */
    public BrowserFailures(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser open = browser.get();
        if (open == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            List<Path> saved = open.saveWhatItShows(name);
            System.out.println("[browser] " + name + " failed; what the browser showed: " + saved);
        }
        catch (Exception e) {
            // the test's own failure is what matters; say why there is no screenshot and move on
            System.out.println("[browser] could not save what the browser showed for " + name + ": " + e);
        }
    }
}
