/**
 * The gateway: the only public entry to Pledgeworks. It routes the public API to campaign-, pledge- and
 * notification-service (routes live in {@code application.yml}), answers for a service that is down, tags
 * every request with a correlation id, and serves the public web pages from {@code static/}.
 */
package org.pledgeworks.gateway;
