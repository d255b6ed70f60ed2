package org.pledgeworks.notification.mail;

/**
 * One rendered mail to one recipient, ready to be composed and sent.
 *
 * @param to      the recipient's address, as they typed it
 * @param subject one line
 * @param text    the plain-text alternative
 * @param html    the HTML alternative, its variables already escaped
 */
public record Mail(String to, String subject, String text, String html) {
}
