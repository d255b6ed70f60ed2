package org.pledgeworks.pledge.privacy;


import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledgeworks.kit.links.LinkPage;
import org.pledgeworks.pledge.signatures.EmailAddress;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignerDataController {

    private final SignerData data;

    SignerDataController(SignerData data) {
        this.data = data;
    }

    /** Always 202 and the same body: whether we hold data for an address is itself personal data. */
    @PostMapping("/api/pledges/data-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted request(@Valid @RequestBody DataRequest request) {
        data.request(request.email().strip(), request.locale());
        return Accepted.INSTANCE;
    }

    @GetMapping(path = "/api/pledges/data-requests/export/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> export(@PathVariable String token) {
        return data.export(token)
                .<ResponseEntity<Object>>map(export -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .header("Referrer-Policy", "no-referrer")
                        .header("Content-Disposition", "attachment; filename=\"pledgeworks-data.json\"")
                        .body(export))
                .orElseGet(() -> invalidLink());
    }

    /** GET only asks: mail scanners follow links, and erasing cannot be undone. */
    @GetMapping(path = "/api/pledges/data-requests/erase/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmErase(@PathVariable String token) {
        if (!data.checkErase(token)) {
            return LinkPage.of(400, "", "This link is not valid", "It may have expired. You can ask again.", "");
        }
        return LinkPage.of(200, "", "Erase your data?", "We will remove your name, email address and everything else "
                + "that identifies you from every pledge you signed. Your signatures stay counted, anonymously.",
                "<form method=\"post\"><button type=\"submit\">Erase my data</button></form>");
    }

    @PostMapping(path = "/api/pledges/data-requests/erase/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> erase(@PathVariable String token) {
        if (!data.erase(token)) {
            return LinkPage.of(400, "", "This link is not valid", "It may have expired. You can ask again.", "");
        }
        return LinkPage.of(200, "", "Your data is erased", "Nothing that identifies you remains with Pledgeworks' "
                + "pledges. Other parts of Pledgeworks are told to forget you too.", "");
    }

    private static ResponseEntity<Object> invalidLink() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The link is not valid or has expired. You can ask for your data again.");
        problem.setTitle("This link is not valid");
        problem.setType(java.net.URI.create("https://pledgeworks.org/problems/invalid-link"));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    record DataRequest(
            @NotBlank(message = "Please give your email address.") @EmailAddress String email,
            @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*") String locale) {
    }

    record Accepted(String status, String message) {

        static final Accepted INSTANCE = new Accepted("accepted",
                "If we hold data for this address, we have emailed it a link to see or erase it.");
    }
}
