package org.pledgeworks.pledge.withdrawal;

import org.pledgeworks.kit.links.LinkPage;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page behind the withdraw link. GET never withdraws (mail scanners follow links): it shows a
 * form whose button POSTs to the same address. Plain HTML, no script, no cookie.
 */
@RestController
class WithdrawalController {

    private final Withdrawal withdrawal;

    WithdrawalController(Withdrawal withdrawal) {
        this.withdrawal = withdrawal;
    }

    @GetMapping(path = "/api/pledges/withdraw/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        return switch (withdrawal.check(token)) {
            case WITHDRAWN -> page(200, "Withdraw your signature?",
                    "Your signature will no longer count, and we will not email you about this pledge again.",
                    "<form method=\"post\"><button type=\"submit\">Withdraw my signature</button></form>");
            case ALREADY_WITHDRAWN -> page(200, "Your signature is withdrawn", "It no longer counts.", "");
            case INVALID -> page(400, "This link is not valid",
                    "It may have been cut short when it was copied, or it has expired.", "");
            case UNKNOWN -> page(404, "We could not find this signature", "It may have been removed already.", "");
        };
    }

    @PostMapping(path = "/api/pledges/withdraw/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> withdraw(@PathVariable String token) {
        return switch (withdrawal.withdraw(token)) {
            case WITHDRAWN, ALREADY_WITHDRAWN -> page(200, "Your signature is withdrawn",
                    "It no longer counts. Thank you for having taken part.", "");
            case INVALID -> page(400, "This link is not valid",
                    "It may have been cut short when it was copied, or it has expired.", "");
            case UNKNOWN -> page(404, "We could not find this signature", "It may have been removed already.", "");
        };
    }

    private static ResponseEntity<String> page(int status, String title, String detail, String form) {
        return LinkPage.of(status, "", title, detail, form + "\n<p><a href=\"/\">See all campaigns</a></p>");
    }
}
