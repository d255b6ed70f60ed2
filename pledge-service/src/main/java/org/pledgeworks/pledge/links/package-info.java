/**
 * The signed, expiring links pledge-service mails to signers (confirm, withdraw, export, erase):
 * made by signing and privacy, checked by verification, withdrawal and privacy, so they live apart
 * from all of them.
 */
package org.pledgeworks.pledge.links;
