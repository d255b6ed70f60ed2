/**
 * Reading and replaying dead letters: what the listener error policy sent to {@code <topic>.dlt}.
 * {@link org.pledgeworks.kit.deadletters.DeadLetters} does the work on the broker with the Kafka
 * clients alone, so the same code serves the operator endpoint {@code /actuator/deadletters} in each
 * consuming service (auto-configured when {@code pledgeworks.dead-letters.topics} names its
 * dead-letter topics), the gauge {@code pledgeworks.deadletters.pending} and the local command
 * {@code ./pledgeworks dlt} ({@link org.pledgeworks.kit.deadletters.DeadLetterCommand}).
 * <p>
 * A replayed record is remembered in the compacted topic {@code <topic>.dlt.replayed}, keyed by its
 * place in the dead-letter topic, so a second replay of the same record sends nothing.
 */
package org.pledgeworks.kit.deadletters;
