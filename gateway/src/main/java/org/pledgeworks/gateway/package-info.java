/**
 * The gateway: the only public entry to Pledgeworks. It routes the public and staff APIs to campaign-,
 * pledge- and notification-service (routes live in {@code application.yml}), answers for a service that
 * is down, tags every request with a correlation id, keeps the edge safe ({@code edge}: body and rate
 * limits, forwarded headers), checks staff tokens and sets the security headers ({@code security}), signs
 * staff in on the embedded default ({@code staff}), and serves the web pages ({@code web},
 * {@code static/}).
 */
package org.pledgeworks.gateway;
