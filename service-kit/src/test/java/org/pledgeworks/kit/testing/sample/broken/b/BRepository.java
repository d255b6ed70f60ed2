package org.pledgeworks.kit.testing.sample.broken.b;

public class BRepository {
}
