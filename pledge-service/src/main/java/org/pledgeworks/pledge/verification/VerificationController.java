package org.pledgeworks.pledge.verification;

import java.net.URI;

import org.pledgeworks.kit.links.LinkPage;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page behind the link in the verification mail. Mail filters fetch every link in a mail, so a
 * GET never verifies: for a pending signature it answers a page whose script ({@code /js/verify.js},
 * served by the gateway, as the gateway's Content-Security-Policy allows no inline script) submits a
 * form by POST at once, which verifies; a person sees no extra step, a browser without script gets
 * the form's button. A POST verifies idempotently: a second one shows the same success. No cookie.
 */
@RestController
class VerificationController {

    static final String SCRIPT = "/js/verify.js";

    private final PledgeVerification verification;

    VerificationController(PledgeVerification verification) {
        this.verification = verification;
    }

    @GetMapping(path = "/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        return page(verification.check(token));
    }

    @PostMapping(path = "/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        return page(verification.verify(token));
    }

    /** An API client confirms by POST; a GET is refused so that a link checker cannot confirm either. */
    @GetMapping(path = "/verify/{token}", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<ProblemDetail> jsonGet(@PathVariable String token) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                "Opening a verification link confirms nothing: confirm with POST /verify/{token}.");
        problem.setTitle("Confirm with POST");
        problem.setType(URI.create("https://pledgeworks.org/problems/verification-by-post"));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.POST)
                .cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @PostMapping(path = "/verify/{token}", produces = {MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Object> json(@PathVariable String token) {
        VerificationResult result = verification.verify(token);
        if (result == VerificationResult.VERIFIED) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(new Verified("verified", result.title));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(result.status), result.detail);
        problem.setTitle(result.title);
        problem.setType(URI.create("https://pledgeworks.org/problems/verification-" + result.name().toLowerCase()));
        return ResponseEntity.status(result.status).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record Verified(String status, String message) {
    }

    private static ResponseEntity<String> page(VerificationResult result) {
        String title = HtmlUtils.htmlEscape(result.title);
        String detail = HtmlUtils.htmlEscape(result.detail);
        // the form posts to the page's own address, so the token is never written into the page
        String confirm = result != VerificationResult.READY ? "<p><a href=\"/\">See all campaigns</a></p>" : """
                <form method="post" data-autosubmit>
                <noscript><button type="submit">Confirm my signature</button></noscript>
                </form>
                <script src="%s"></script>""".formatted(SCRIPT);
        return LinkPage.of(result.status, "verification " + result.name().toLowerCase(), title, detail, confirm);
    }
}
