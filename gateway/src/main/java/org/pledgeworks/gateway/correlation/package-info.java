/**
 * Correlation ids: every request gets an {@code X-Request-Id} (the caller's, when it is sane, otherwise the
 * request's trace id) that travels to the service behind the gateway and comes back on the response with
 * {@code X-Trace-Id}, so one user's request can be followed through every service's logs, its Kafka events
 * and its mail (docs/operations.md, "Follow a trace").
 */
package org.pledgeworks.gateway.correlation;
