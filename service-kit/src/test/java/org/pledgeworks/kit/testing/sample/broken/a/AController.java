package org.pledgeworks.kit.testing.sample.broken.a;

import org.pledgeworks.kit.testing.sample.broken.b.BRepository;

public class AController {
    final BRepository reachesAround = new BRepository();
}
