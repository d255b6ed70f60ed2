/**
 * The mail that confirms interest in a volunteer opportunity ({@code opportunity-interest-requested.v1} on
 * {@code opportunity-interests}, from campaign-service): the person gets, at the address they typed, the
 * signed link whose page confirms (by a button, never by opening it) and the one that withdraws; once per
 * event, so a repeat of the expression while pending is a mail again, a redelivery is not.
 */
package org.pledgeworks.notification.interest;
