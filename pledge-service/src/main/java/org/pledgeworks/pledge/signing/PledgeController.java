package org.pledgeworks.pledge.signing;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PledgeController {

    private final PledgeSigning signing;

    PledgeController(PledgeSigning signing) {
        this.signing = signing;
    }

    /** 202 whether or not this person signed before: the answer must not reveal who has signed. */
    @PostMapping("/api/campaigns/{slug}/pledges")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SignPledgeResponse sign(@PathVariable String slug, @Valid @RequestBody SignPledgeRequest request) {
        signing.sign(slug, request);
        return SignPledgeResponse.PENDING;
    }

    record SignPledgeResponse(String status, String message) {

        static final SignPledgeResponse PENDING = new SignPledgeResponse("pending",
                "Check your email to confirm your signature.");
    }
}
