package org.pledgeworks.infra.kafka;

import java.time.Duration;
import java.util.Optional;

/** A topic to create, with a retention limit when it carries personal data. */
public record TopicSpec(String name, int partitions, Optional<Duration> retention) {
}
