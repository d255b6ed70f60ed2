package org.pledgeworks.kit.testing.sample.clean.a;

public class AController {
    final ARepository own = new ARepository();
}
