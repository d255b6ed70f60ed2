/**
 * Confirming a signature by the link in the verification mail. The link is signed and expires, holds
 * no personal data, and a GET of it confirms nothing (mail filters fetch every link): its page confirms
 * by a POST its script sends at once. The POST verifies idempotently: a second one shows the same page.
 */
package org.pledgeworks.pledge.verification;
