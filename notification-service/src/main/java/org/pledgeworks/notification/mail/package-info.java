/**
 * Mail itself: templates rendered per locale (every variable HTML-escaped in the HTML part), MIME
 * building (multipart/alternative, our own Message-ID and Date) and the SMTP transport, which tells
 * a transient failure (try again later) from a permanent one (never again); what a link in a mail may
 * be ({@link org.pledgeworks.notification.mail.Links}), and the staff preview of the templates. The HTTP
 * provider's transport is in {@code provider/}.
 */
package org.pledgeworks.notification.mail;
