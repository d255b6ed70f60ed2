package org.pledgeworks.campaign.rsvp;

/**
 * What a page behind an RSVP link says, and whether it offers a button. Titles and details are constants:
 * nothing typed by anyone is written into these pages (a waiting list position is a number).
 *
 * @param button the label of the button that POSTs to the page's own address, or null for none
 */
enum RsvpOutcome {

    CONFIRM_READY(200, "Confirm your RSVP", "Press the button to confirm that you will come.", "Confirm my RSVP"),
    GOING(200, "You're going", "Your place is confirmed. We have sent you an email with the event's details, a "
            + "link to add it to your calendar, and a link to cancel should you not be able to come.", null),
    WAITING(200, "You're on the waiting list", "The event is full, so you are on its waiting list, number %d. If a "
            + "place comes free, it is yours in turn and we email you.", null),
    CANCEL_READY(200, "Cancel your RSVP", "Press the button to cancel. Your place goes to the next person on the "
            + "waiting list, and your name and address are deleted.", "Cancel my RSVP"),
    CANCELLED(200, "RSVP cancelled", "Your RSVP is cancelled. Thank you for letting us know.", null),
    EVENT_CLOSED(409, "Event closed", "This event was called off or is over; it takes no more RSVPs.", null),
    EXPIRED(410, "Link expired", "This link has expired. RSVP again on the event's page to get a new one.", null),
    GONE(404, "Nothing to confirm", "This RSVP was cancelled or deleted. RSVP again on the event's page if you "
            + "still want to come.", null),
    INVALID(404, "Link not valid", "This link is not valid. Copy the whole link from the email, or RSVP again.", null);

    final int status;
    final String title;
    final String detail;
    final String button;

    RsvpOutcome(int status, String title, String detail, String button) {
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.button = button;
    }

    /** The outcome with its number: the waiting list's position. */
    record Shown(RsvpOutcome outcome, long position) {

        String detail() {
            return outcome.detail.formatted(position);
        }
    }

    Shown shown() {
        return new Shown(this, 0);
    }
}
