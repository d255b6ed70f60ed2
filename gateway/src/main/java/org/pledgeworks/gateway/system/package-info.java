/**
 * Cross-cutting configuration of the gateway itself: how its own errors (no route, wrong method) are
 * answered, as RFC 9457 problem details on the API paths.
 */
package org.pledgeworks.gateway.system;
