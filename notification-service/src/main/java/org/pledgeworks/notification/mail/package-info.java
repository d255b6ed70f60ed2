/**
 * Mail itself: templates rendered per locale (every variable HTML-escaped in the HTML part), MIME
 * building (multipart/alternative, our own Message-ID and Date) and the SMTP transport, which tells
 * a transient failure (try again later) from a permanent one (never again). Later provider adapters
 * (an HTTP API with batch sends) sit beside {@link org.pledgeworks.notification.mail.SmtpMailer}.
 */
package org.pledgeworks.notification.mail;
