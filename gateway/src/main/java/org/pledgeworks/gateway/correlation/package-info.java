/**
 * Correlation ids: every request gets an {@code X-Request-Id} (the caller's, when it is sane, otherwise a
 * fresh UUID) that travels to the service behind the gateway and comes back on the response, so one
 * user's request can be followed through every service's logs.
 */
package org.pledgeworks.gateway.correlation;
