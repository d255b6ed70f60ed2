/**
 * Kafka plumbing every service shares: the CloudEvents headers, the listener error policy and its
 * auto-configuration (the event dispatcher and the error handler of every service that consumes).
 */
package org.pledgeworks.kit.kafka;
