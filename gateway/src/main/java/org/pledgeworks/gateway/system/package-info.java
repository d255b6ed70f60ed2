/**
 * Cross-cutting configuration of the gateway itself: the MongoDB database's health by ping, the liveness
 * and readiness probes on the public port, and the clock. It depends on no feature: errors are answered
 * by {@code problems/}, the database is named by {@code staff/}, whose accounts it holds.
 */
package org.pledgeworks.gateway.system;
