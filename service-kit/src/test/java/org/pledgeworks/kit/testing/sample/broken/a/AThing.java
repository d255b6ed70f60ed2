package org.pledgeworks.kit.testing.sample.broken.a;

public class AThing {
}
