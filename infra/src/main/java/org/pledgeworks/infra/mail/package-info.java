/**
 * The dev mail catcher: an SMTP server (GreenMail) that accepts mail for any address and keeps it
 * in memory, with a small web inbox so a newcomer can open the verification mail and click its
 * link, and a JSON listing for scripts and end-to-end tests.
 */
package org.pledgeworks.infra.mail;
