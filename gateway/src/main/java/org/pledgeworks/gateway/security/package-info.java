/**
 * Web security of the gateway: the staff API needs a valid staff token (issuer, audience, expiry and
 * signature checked here, and again by each service), every answer carries the security headers
 * (Content-Security-Policy, X-Content-Type-Options, Referrer-Policy, frame-ancestors, HSTS over TLS), and
 * cross-origin browser calls are allowed only from configured origins.
 */
package org.pledgeworks.gateway.security;
