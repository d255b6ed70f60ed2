package org.pledgeworks.campaign.rsvp;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.system.Accepted;
import org.pledgeworks.campaign.system.LinkPages;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of RSVPs: answering (no sign-in), and the pages behind the two links of the mails, which
 * confirm or cancel only by their button's POST ({@link LinkPages}), never by being opened.
 */
@RestController
class RsvpController {

    private final Rsvps rsvps;

    RsvpController(Rsvps rsvps) {
        this.rsvps = rsvps;
    }

    /** Always 202 with the same body, whether the address is new here, pending, going or cancelled. */
    @PostMapping("/api/events/{eventId}/rsvps")
    ResponseEntity<Accepted> request(@PathVariable @Size(max = 64) String eventId,
            @Valid @RequestBody RsvpInput input) {
        rsvps.request(eventId, input);
        return Accepted.pending("Thank you. Please confirm your RSVP with the link we are sending to "
                + "your email address.");
    }

    /** GET (a mail scanner, or the person) shows the button; only the button's POST confirms. */
    @RequestMapping(path = "/" + RsvpLinks.CONFIRM_PATH + "{token}", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable @Size(max = 512) String token, HttpMethod method) {
        return page(method == HttpMethod.POST ? rsvps.confirm(token) : rsvps.confirmPage(token));
    }

    /** Likewise for cancelling. */
    @RequestMapping(path = "/" + RsvpLinks.CANCEL_PATH + "{token}", method = {RequestMethod.GET, RequestMethod.POST},
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> cancel(@PathVariable @Size(max = 512) String token, HttpMethod method) {
        return page(method == HttpMethod.POST ? rsvps.cancel(token) : rsvps.cancelPage(token));
    }

    private static ResponseEntity<String> page(RsvpOutcome.Shown shown) {
        RsvpOutcome outcome = shown.outcome();
        return LinkPages.page(outcome.status, "rsvp " + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                outcome.title, shown.detail(), outcome.button);
    }
}
