/**
 * Withdrawing a signature by the signed link in every mail. A GET only shows a confirmation page
 * (mail scanners follow links); the POST from that page withdraws: the count goes down and
 * {@code pledge-withdrawn} is published.
 */
package org.pledgeworks.pledge.withdrawal;
