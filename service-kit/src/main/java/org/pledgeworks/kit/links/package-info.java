/**
 * Signed, expiring links for mails, and the one page such a link opens: written once for every service
 * that mails a link (pledge-service's verification, withdrawal and data links, campaign-service's
 * interest links).
 */
package org.pledgeworks.kit.links;
