/**
 * Subscribers, their subscriptions per campaign, the consent behind each (a record, exportable as
 * proof), and the suppression list no bulk mail ever gets past. People are keyed by a keyed hash of
 * their normalised address ({@link org.pledgeworks.notification.subscribers.RecipientKeys}), which is
 * also all that stays of them after erasure. The pages a subscriber meets from a mail (unsubscribe,
 * preferences, their own consent records) are here; a GET never changes anything (mail scanners follow
 * links), a POST does. A released signature's consent ({@code pledge-released.v1}) subscribes.
 */
package org.pledgeworks.notification.subscribers;
