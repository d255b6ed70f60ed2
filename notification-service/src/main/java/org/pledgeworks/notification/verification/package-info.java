/**
 * The verification mail: when a pledge is signed ({@code pledge-signed.v1}), the signer gets a mail
 * with the link that confirms their signature, at the address they typed, exactly once per event.
 */
package org.pledgeworks.notification.verification;
