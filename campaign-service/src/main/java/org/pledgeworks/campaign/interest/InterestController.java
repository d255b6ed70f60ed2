package org.pledgeworks.campaign.interest;

import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.system.Accepted;
import org.pledgeworks.campaign.system.LinkPages;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side of interest: expressing it (no sign-in), and the pages behind the two links of the mail.
 * Mail filters open every link in a mail, so a GET of either link only shows a page with a button; the
 * button POSTs to the same address, and only that confirms or withdraws. The form posts to the page's own
 * address, so the token is never written into the page; no cookie, nothing cached, no referrer.
 */
@RestController
class InterestController {

    private final Interests interests;

    InterestController(Interests interests) {
        this.interests = interests;
    }

    /** Always 202 with the same body, whether the address is new here, pending or confirmed. */
    @PostMapping("/api/opportunities/{opportunityId}/interest")
    ResponseEntity<Accepted> express(@PathVariable @Size(max = 64) String opportunityId,
            @Valid @RequestBody InterestInput input) {
        interests.express(opportunityId, input);
        return Accepted.pending("Thank you. Please confirm your interest with the link we are sending "
                + "to your email address.");
    }

    @GetMapping(path = "/" + InterestLinks.CONFIRM_PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmPage(@PathVariable @Size(max = 512) String token) {
        return page(interests.confirmPage(token));
    }

    @PostMapping(path = "/" + InterestLinks.CONFIRM_PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable @Size(max = 512) String token) {
        return page(interests.confirm(token));
    }

    @GetMapping(path = "/" + InterestLinks.WITHDRAW_PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> withdrawPage(@PathVariable @Size(max = 512) String token) {
        return page(interests.withdrawPage(token));
    }

    @PostMapping(path = "/" + InterestLinks.WITHDRAW_PATH + "{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> withdraw(@PathVariable @Size(max = 512) String token) {
        return page(interests.withdraw(token));
    }

    private static ResponseEntity<String> page(LinkOutcome outcome) {
        return LinkPages.page(outcome.status, "interest " + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                outcome.title, outcome.detail, outcome.button);
    }
}
