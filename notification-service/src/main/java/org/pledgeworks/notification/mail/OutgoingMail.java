package org.pledgeworks.notification.mail;

/**
 * One mail as a transport sends it.
 *
 * @param idempotencyKey the delivery's id: the same on every attempt, so a provider that has seen it
 *                       already accepts it without sending it again
 * @param messageId      the Message-ID header, with angle brackets; the same on every attempt
 */
public record OutgoingMail(String idempotencyKey, String messageId, Mail mail) {
}
