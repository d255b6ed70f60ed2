/**
 * The edge: what keeps the services behind the gateway safe from the open internet — who the client is
 * (its address, trusting forwarded headers only from configured proxies), the forwarded headers the
 * services see, request body limits and rate limits per client address on the public routes.
 */
package org.pledgeworks.gateway.edge;
