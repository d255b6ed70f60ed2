package org.pledgeworks.kit.testing.sample.broken.system;

import org.pledgeworks.kit.testing.sample.broken.a.AThing;

public class Config {
    final AThing aFeature = new AThing();
}
