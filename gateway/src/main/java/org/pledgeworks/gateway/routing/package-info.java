/**
 * Routing to the services: the routes themselves are declared in {@code application.yml}
 * ({@code spring.cloud.gateway.server.webflux.routes}); this package holds what they need beyond YAML —
 * the settings that name the services, and the fallback that answers RFC 9457 problem details when a
 * service cannot be reached or its circuit breaker is open.
 */
package org.pledgeworks.gateway.routing;
