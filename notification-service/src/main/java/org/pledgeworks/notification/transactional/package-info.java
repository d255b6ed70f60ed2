/**
 * Transactional mail besides verification: thank-you when a signature is confirmed
 * ({@code pledge-verified.v1}, which also subscribes a signer who consented), "already signed" when an
 * address signs again ({@code pledge-signed-again.v1}), the data-request mail
 * ({@code signer-data-requested.v1}). One delivery per event ({@code <eventId>:<kind>}), never doubled.
 */
package org.pledgeworks.notification.transactional;
