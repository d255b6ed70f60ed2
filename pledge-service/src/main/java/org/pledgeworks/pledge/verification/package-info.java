/**
 * Confirming a signature by the link in the verification mail. The link is signed and expires, holds
 * no personal data, and verifies idempotently: a mail scanner's GET and the person's click both end in
 * the same verified state and the same page.
 */
package org.pledgeworks.pledge.verification;
