package org.pledgeworks.kit.testing.sample.broken.b;

import org.pledgeworks.kit.testing.sample.broken.a.AThing;

public class BService {
    final AThing backToA = new AThing();
}
