package org.pledgeworks.kit.testing.sample.clean.system;

public class Config {
}
