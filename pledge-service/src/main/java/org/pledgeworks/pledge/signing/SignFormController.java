package org.pledgeworks.pledge.signing;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.pledgeworks.kit.links.LinkPage;
import org.pledgeworks.kit.web.ProblemException;
import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.pledgeworks.pledge.system.PrivacyHashes;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The campaign page's sign form as a browser without script sends it ({@code /campaigns/{slug}} renders
 * it posting here): the same checks and the same signing as the JSON API, answered with a page a person
 * reads instead of problem details. Like the API, the answer does not say whether the address signed
 * before.
 */
@RestController
class SignFormController {

    private final PledgeSigning signing;
    private final PrivacyHashes hashes;
    private final Validator validator;
    private final String publicBaseUrl;

    SignFormController(PledgeSigning signing, PrivacyHashes hashes, Validator validator,
            PledgeServiceProperties properties) {
        this.signing = signing;
        this.hashes = hashes;
        this.validator = validator;
        this.publicBaseUrl = properties.publicBaseUrl().toString().replaceAll("/+$", "");
    }

    @PostMapping(path = "/api/campaigns/{slug}/pledges", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> sign(@PathVariable String slug, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest http) {
        SignPledgeRequest request = new SignPledgeRequest(form.getFirst("name"), form.getFirst("email"),
                blankToNull(form.getFirst("country")), form.getFirst("postalCode"),
                form.containsKey("consentToUpdates"), blankToNull(form.getFirst("locale")), source(form),
                form.getFirst("website"), null);
        String back = "<p><a href=\"/campaigns/" + UriUtils.encodePathSegment(slug, "UTF-8")
                + "#sign-heading\">Back to the campaign</a></p>";
        Set<ConstraintViolation<SignPledgeRequest>> problems = validator.validate(request);
        if (!problems.isEmpty()) {
            return LinkPage.of(400, "problem", "Please check the form",
                    "Your signature was not sent. Go back, correct this and sign again:", list(problems) + back);
        }
        String referralCode;
        try {
            referralCode = signing.sign(slug, request, hashes.clientIpHash(http));
        }
        catch (ProblemException e) {
            return LinkPage.of(e.status().value(), "problem", HtmlUtils.htmlEscape(e.title()),
                    HtmlUtils.htmlEscape(e.detail()), back);
        }
        return LinkPage.of(200, "signed", "Check your email to confirm your signature",
                "We have sent you a link. Your signature counts once you open it.", share(slug, referralCode) + back);
    }

    /** The tags of the link the signer followed, which the page passed on as hidden fields. */
    private static SignPledgeRequest.Source source(MultiValueMap<String, String> form) {
        SignPledgeRequest.Source source = new SignPledgeRequest.Source(blankToNull(form.getFirst("utm_source")),
                blankToNull(form.getFirst("utm_medium")), blankToNull(form.getFirst("utm_campaign")),
                blankToNull(form.getFirst("utm_term")), blankToNull(form.getFirst("utm_content")), null,
                blankToNull(form.getFirst("ref")));
        return source.values().isEmpty() ? null : source;
    }

    /** The signer's own link to pass on: what the page's script offers after signing, without script. */
    private String share(String slug, String referralCode) {
        String link = publicBaseUrl + "/campaigns/" + UriUtils.encodePathSegment(slug, "UTF-8") + "?ref="
                + referralCode;
        return "<p>Ask your friends to sign too. Your link to share:</p>\n<p><a href=\"" + HtmlUtils.htmlEscape(link)
                + "\">" + HtmlUtils.htmlEscape(link) + "</a></p>\n";
    }

    private static String list(Set<ConstraintViolation<SignPledgeRequest>> problems) {
        return problems.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> "<li>" + HtmlUtils.htmlEscape(v.getMessage()) + "</li>")
                .distinct().collect(Collectors.joining("\n", "<ul>\n", "\n</ul>\n"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
