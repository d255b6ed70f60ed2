/**
 * The mails of RSVPs to calendar events ({@code event-rsvps}, from campaign-service): the confirmation
 * mail with the signed link whose page confirms ({@code event-rsvp-requested.v1}), and then the mail that
 * says whether the person is going or on the waiting list, or was promoted from it
 * ({@code event-rsvp-confirmed.v1}), with the event's details in its own time zone and a link to its
 * iCalendar file. Every mail carries the cancel link. Once per event, so a redelivery sends nothing.
 */
package org.pledgeworks.notification.rsvp;
