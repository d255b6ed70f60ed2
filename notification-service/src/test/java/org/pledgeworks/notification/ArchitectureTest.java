package org.pledgeworks.notification;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.ServiceArchitecture;

/**
 * The boundaries of package by feature, kept by a test: no cycles between features, {@code system/}
 * depends on no feature, a controller reaches no other feature's repository.
 */
class ArchitectureTest {

    @Test
    void theServiceKeepsItsBoundaries() {
        ServiceArchitecture.of("org.pledgeworks.notification").check();
    }
}
