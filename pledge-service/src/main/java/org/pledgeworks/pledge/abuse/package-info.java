/**
 * Abuse control as the best petition sites do it: per client IP hash and per email domain burst and
 * sustained limits, a honeypot field and domain allow/block lists. A suspicious signature is stored
 * in quarantine, kept out of the counts and answered exactly like a good one; staff of the
 * campaign's organisations release or invalidate quarantined signatures in bulk, and the public sees
 * how many were held back and why.
 */
package org.pledgeworks.pledge.abuse;
