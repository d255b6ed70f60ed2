package org.pledgeworks.gateway;

import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.testing.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void theServiceKeepsItsBoundaries() {
        ServiceArchitecture.of("org.pledgeworks.gateway").check();
    }
}
