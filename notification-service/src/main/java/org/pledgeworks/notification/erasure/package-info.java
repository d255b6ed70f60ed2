/**
 * Erasure ({@code signer-erased.v1}): a person's subscriber, subscriptions, consents and follow requests
 * go, their deliveries lose address, name and content; a keyed hash stays on the suppression list. It
 * reaches into subscribers and deliveries, so it is a feature of its own rather than either's.
 */
package org.pledgeworks.notification.erasure;
