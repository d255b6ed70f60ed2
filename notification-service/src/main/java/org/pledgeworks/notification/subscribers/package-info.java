/**
 * Subscribers, their subscriptions per campaign, the consent behind each (a record, exportable as
 * proof), and the suppression list no bulk mail ever gets past. People are keyed by a keyed hash of
 * their normalised address ({@link org.pledgeworks.notification.subscribers.RecipientKeys}), which is
 * also all that stays of them after erasure.
 */
package org.pledgeworks.notification.subscribers;
