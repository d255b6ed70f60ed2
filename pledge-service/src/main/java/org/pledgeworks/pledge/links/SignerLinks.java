package org.pledgeworks.pledge.links;

import java.net.URI;
import java.time.Instant;

import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.pledgeworks.pledge.links.VerificationLinks.VerificationLink;

import org.springframework.stereotype.Component;

/**
 * Every link pledge-service puts in a mail, ready-made and signed: confirm, withdraw, export, erase.
 * Each purpose is part of what is signed, so one kind of link never works as another.
 */
@Component
public class SignerLinks {

    public static final String WITHDRAW = "withdraw";
    public static final String EXPORT = "export";
    public static final String ERASE = "erase";

    private final VerificationLinks links;
    private final PledgeServiceProperties.Links settings;

    SignerLinks(VerificationLinks links, PledgeServiceProperties properties) {
        this.links = links;
        this.settings = properties.links();
    }

    public VerificationLink verification(String signatureId, Instant now) {
        return links.create(signatureId, now);
    }

    public URI withdraw(String signatureId, Instant now) {
        return links.create(WITHDRAW, "api/pledges/withdraw/", signatureId, now, settings.withdrawValidity()).url();
    }

    public URI export(String requestId, Instant now) {
        return links.create(EXPORT, "api/pledges/data-requests/export/", requestId, now, settings.dataValidity()).url();
    }

    public URI erase(String requestId, Instant now) {
        return links.create(ERASE, "api/pledges/data-requests/erase/", requestId, now, settings.dataValidity()).url();
    }

    /** @return the subject (signature or request id) of a valid, unexpired link for the purpose */
    public java.util.Optional<String> check(String purpose, String token, Instant now) {
        VerificationLinks.Check check = links.check(purpose, token, now);
        return check.outcome() == VerificationLinks.Outcome.VALID ? check.signatureId() : java.util.Optional.empty();
    }
}
