/**
 * Cross-cutting configuration of the gateway itself: how its own errors are answered (RFC 9457 problem
 * details on the API paths, and for the filters that answer before any controller), the MongoDB database
 * and its health by ping, the liveness and readiness probes on the public port, and the clock.
 */
package org.pledgeworks.gateway.system;
