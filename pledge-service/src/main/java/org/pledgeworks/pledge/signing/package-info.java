/**
 * Signing a campaign's pledge: validation, one signature per (campaign, normalised email), and the
 * {@code pledge-signed} event that makes notification-service send the verification mail.
 */
package org.pledgeworks.pledge.signing;
