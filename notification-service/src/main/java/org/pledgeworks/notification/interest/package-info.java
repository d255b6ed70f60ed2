/**
 * The mails about interest in a volunteer opportunity, both from campaign-service on
 * {@code opportunity-interests}. {@code opportunity-interest-requested.v1}: the person gets, at the address
 * they typed, the signed link whose page confirms (by a button, never by opening it) and the one that
 * withdraws; once per event, so a repeat of the expression while pending is a mail again, a redelivery is not.
 * {@code opportunity-interest-digest-due.v1}: the posting organisation gets, at most hourly, the people who
 * confirmed since its last digest, with the name, address and message each gave.
 */
package org.pledgeworks.notification.interest;
