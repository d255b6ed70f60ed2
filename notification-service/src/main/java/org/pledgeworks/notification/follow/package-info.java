/**
 * "Follow this campaign" without pledging: double opt-in. A request mails a signed, expiring confirm link
 * and answers the same whoever asked; only a POST from the confirm page (never the GET a mail scanner
 * makes) records consent and subscribes.
 */
package org.pledgeworks.notification.follow;
