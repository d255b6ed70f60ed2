/**
 * Transactional mail besides verification: thank-you when a signature is confirmed
 * ({@code pledge-verified.v1}), "already signed" when an address signs again
 * ({@code pledge-signed-again.v1}). One delivery per event ({@code <eventId>:<kind>}), never doubled.
 */
package org.pledgeworks.notification.transactional;
