/**
 * A signer's rights over their data: a request by address leads (by a signed link mailed to that
 * address) to a JSON export of everything this service holds about them, and to erasure, which
 * strips the personal data from every signature of theirs (an anonymous record stays, so counts do
 * not change) and publishes {@code signer-erased} for the other services.
 */
package org.pledgeworks.pledge.privacy;
