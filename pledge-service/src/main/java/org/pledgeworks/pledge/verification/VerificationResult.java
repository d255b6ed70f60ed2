package org.pledgeworks.pledge.verification;

/** What the person who opened a verification link sees. */
public enum VerificationResult {
    /** Valid and pending: the page confirms it by a POST (a GET never does). */
    READY(200, "Confirming your signature",
            "One moment, please."),
    VERIFIED(200, "Thank you: your signature is confirmed",
            "Your signature now counts. You can close this page."),
    WITHDRAWN(410, "This signature was withdrawn",
            "It no longer counts, and this link cannot bring it back. You can sign again from the campaign page."),
    EXPIRED(410, "This link has expired",
            "Links to confirm a signature work for a limited time. Please sign again from the campaign page."),
    INVALID(400, "This link is not valid",
            "It may have been cut short when it was copied. Please use the whole link from the email."),
    UNKNOWN(404, "We could not find this signature",
            "It may have been removed because it was never confirmed. Please sign again from the campaign page.");

    final int status;
    final String title;
    final String detail;

    VerificationResult(int status, String title, String detail) {
        this.status = status;
        this.title = title;
        this.detail = detail;
    }
}
