/**
 * Delivery records: one document per message and recipient, its {@code _id} derived from the event
 * that asked for it, so a redelivered or replayed event finds it taken and sends nothing. A delivery
 * is sent at once; a transient failure leaves it queued with a back-off for the retrier, a permanent
 * one marks it failed for good. Whoever sends a delivery first claims it atomically
 * ({@code queued → sending}), so no two threads or instances send the same one; a claim held longer
 * than a timeout belonged to a process that died and is released.
 */
package org.pledgeworks.notification.delivery;
