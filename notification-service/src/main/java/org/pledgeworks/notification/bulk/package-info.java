/**
 * Bulk mail: a campaign update, a milestone or a progress change becomes a bulk message
 * ({@code messages}); a fan-out streams the campaign's active subscriptions from a cursor, a batch at a
 * time, publishing one {@code notification-requested.v1} record per recipient to {@code notifications}
 * (12 partitions, key = recipient id) and checkpointing after each batch, so a restart resumes where
 * it stopped. The {@code notifications} listener turns those records into deliveries under a unique id
 * per (message, recipient): any number of instances share the sending and nobody is mailed twice.
 * The slim records of the three campaign events it reads live here, with their handlers
 * ({@link org.pledgeworks.notification.bulk.BulkEvents}); the staff API of messages and their stats too.
 */
package org.pledgeworks.notification.bulk;
