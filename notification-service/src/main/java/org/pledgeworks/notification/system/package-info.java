/**
 * Cross-cutting configuration: MongoDB, Kafka topics, the listener that hands {@code pledges} and
 * {@code campaigns} records to the kit's dispatcher and its error policy, settings, the clock,
 * security, RFC 9457 problems and the plain HTML page every public page is drawn in. Depends on no
 * feature.
 */
package org.pledgeworks.notification.system;
