package org.pledgeworks.kit.testing.sample.clean.b;

import org.pledgeworks.kit.testing.sample.clean.a.ARepository;
import org.pledgeworks.kit.testing.sample.clean.system.Config;

public class BService {
    final ARepository oneWay = new ARepository();
    final Config config = new Config();
}
