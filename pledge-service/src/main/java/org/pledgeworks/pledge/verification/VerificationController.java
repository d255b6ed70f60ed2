package org.pledgeworks.pledge.verification;

import java.net.URI;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page behind the link in the verification mail. A GET verifies (idempotently) because that is
 * what a person's click is; it needs no cookie and no script, so it works in any mail client.
 */
@RestController
class VerificationController {

    private final PledgeVerification verification;

    VerificationController(PledgeVerification verification) {
        this.verification = verification;
    }

    @GetMapping(path = "/verify/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        VerificationResult result = verification.verify(token);
        return ResponseEntity.status(result.status)
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .contentType(MediaType.TEXT_HTML)
                .body(html(result));
    }

    @GetMapping(path = "/verify/{token}", produces = {MediaType.APPLICATION_JSON_VALUE,
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
        return ResponseEntity.status(result.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record Verified(String status, String message) {
    }

    private static String html(VerificationResult result) {
        String title = HtmlUtils.htmlEscape(result.title);
        String detail = HtmlUtils.htmlEscape(result.detail);
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Pledgeworks</title>
                <link rel="stylesheet" href="/css/app.css">
                </head>
                <body>
                <main class="page verification %s">
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="/">See all campaigns</a></p>
                </main>
                </body>
                </html>
                """.formatted(title, result.name().toLowerCase(), title, detail);
    }
}
