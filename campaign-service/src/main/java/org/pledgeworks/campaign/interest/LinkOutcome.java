package org.pledgeworks.campaign.interest;

/**
 * What a page behind a mailed link says, and whether it offers a button. Titles and details are
 * constants: nothing typed by anyone is written into these pages.
 *
 * @param button the label of the button that POSTs to the page's own address, or null for none
 */
enum LinkOutcome {

    CONFIRM_READY(200, "Confirm your interest", "Press the button to confirm your interest. The organisation that "
            + "posted the opportunity may then contact you about it, as you agreed.", "Confirm my interest"),
    CONFIRMED(200, "Interest confirmed", "Thank you. The organisation that posted the opportunity will contact you.",
            null),
    WITHDRAW_READY(200, "Withdraw your interest", "Press the button to withdraw your interest. Your name, address and "
            + "message are then deleted, and the organisation will not contact you about it.", "Withdraw my interest"),
    WITHDRAWN(200, "Interest withdrawn", "Your interest and the details you gave with it are deleted.", null),
    EXPIRED(410, "Link expired", "This link has expired. Express your interest again on the opportunity's page to get "
            + "a new one.", null),
    GONE(404, "Nothing to confirm", "This interest was withdrawn or deleted. Express your interest again on the "
            + "opportunity's page if you still want to help.", null),
    INVALID(404, "Link not valid", "This link is not valid. Copy the whole link from the email, or express your "
            + "interest again.", null);

    final int status;
    final String title;
    final String detail;
    final String button;

    LinkOutcome(int status, String title, String detail, String button) {
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.button = button;
    }
}
