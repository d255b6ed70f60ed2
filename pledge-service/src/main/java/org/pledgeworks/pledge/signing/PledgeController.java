package org.pledgeworks.pledge.signing;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.pledgeworks.pledge.signatures.EmailAddress;
import org.pledgeworks.pledge.system.PrivacyHashes;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PledgeController {

    private final PledgeSigning signing;
    private final PrivacyHashes hashes;

    PledgeController(PledgeSigning signing, PrivacyHashes hashes) {
        this.signing = signing;
        this.hashes = hashes;
    }

    /** 202 whether or not this person signed before: the answer must not reveal who has signed. */
    @PostMapping("/api/campaigns/{slug}/pledges")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SignPledgeResponse sign(@PathVariable String slug, @Valid @RequestBody SignPledgeRequest request,
            HttpServletRequest http) {
        return SignPledgeResponse.pending(signing.sign(slug, request, hashes.clientIpHash(http)));
    }

    /** Sends the confirmation mail again; the same 202 whatever the address, so it reveals nothing. */
    @PostMapping("/api/campaigns/{slug}/pledges/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SignPledgeResponse resend(@PathVariable String slug, @Valid @RequestBody ResendRequest request) {
        signing.resend(slug, request.email().strip());
        return SignPledgeResponse.pending(null);
    }

    record ResendRequest(@NotBlank(message = "Please give your email address.") @EmailAddress String email) {
    }

    /**
     * @param referralCode the signer's code for the share links ({@code ?ref=}), so the campaign can tell
     *                     which signatures each signer brought; absent from a resend's answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SignPledgeResponse(String status, String message, String referralCode) {

        static SignPledgeResponse pending(String referralCode) {
            return new SignPledgeResponse("pending", "Check your email to confirm your signature.", referralCode);
        }
    }
}
