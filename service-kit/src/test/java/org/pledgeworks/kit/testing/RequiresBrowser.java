package org.pledgeworks.kit.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (or a class of tests) that drives Debian's headless Chromium. Where the browser is not
 * installed it is skipped with the reason {@value InstalledBrowser#SKIPPED}, which
 * {@code ./pledgeworks test} counts and prints at the end of the run: never an error, never a
 * silent zero.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(InstalledBrowser.class)
public @interface RequiresBrowser {
}
