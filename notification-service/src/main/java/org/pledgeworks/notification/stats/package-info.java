/**
 * Delivery stats per bulk message (queued, sent, deferred, failed, suppressed, bounced, complained,
 * unsubscribed): counters in one document per message, bumped once per sender batch, read live by staff.
 */
package org.pledgeworks.notification.stats;
