/** Kafka plumbing every service shares: the CloudEvents headers and the listener error policy. */
package org.pledgeworks.kit.kafka;
