/**
 * The signature every feature works on: its collection and its one-per-(campaign, normalised email)
 * rule, its status, the count ops its changes write beside it, and how an email address is keyed.
 * Signing, verification, withdrawal, abuse control, counting, export and privacy all depend on this
 * package, and it on none of them, so the features meet here rather than in each other.
 */
package org.pledgeworks.pledge.signatures;
