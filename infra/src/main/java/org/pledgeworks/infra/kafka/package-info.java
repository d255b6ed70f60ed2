/**
 * The local Apache Kafka broker: one KRaft node (broker and controller in one JVM) run from the
 * Maven Central artifacts, its storage formatted once, and the Pledgeworks topics.
 */
package org.pledgeworks.infra.kafka;
