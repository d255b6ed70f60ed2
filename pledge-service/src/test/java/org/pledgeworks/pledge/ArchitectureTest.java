package org.pledgeworks.pledge;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.ServiceArchitecture;

/** The boundaries between this service's features, kept by a test rather than by memory. */
class ArchitectureTest {

    @Test
    void theServiceKeepsItsBoundaries() {
        ServiceArchitecture.of("org.pledgeworks.pledge").check();
    }
}
