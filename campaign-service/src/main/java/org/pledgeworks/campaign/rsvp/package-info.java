/**
 * RSVPs to a campaign's calendar events (issue 27): anyone says, with name and address and without signing
 * in, that they will come; the RSVP stays pending until they confirm it by a signed link in a mail (double
 * opt-in), like interest in an opportunity. Confirmed, they are going while the event has seats
 * ({@code capacity}), else on its waiting list in order of confirmation; a signed link in every mail
 * cancels, which frees the seat for the first on the waiting list. Seats are taken by a conditional write
 * on the event's seat document ({@code event-rsvp-seats}), so racing confirmations never overbook. Staff of
 * the campaign's organisations see attendees, the waiting list and the figures, and export them. The events
 * carry name and address, so they go to the {@code event-rsvps} topic (a week's retention);
 * {@code signer-erased} deletes a person's RSVPs, and unconfirmed ones go once their link has expired.
 */
package org.pledgeworks.campaign.rsvp;
