package org.pledgeworks.kit.testing.sample.clean.a;

public class ARepository {
}
