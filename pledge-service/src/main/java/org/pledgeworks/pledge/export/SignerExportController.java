package org.pledgeworks.pledge.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
import org.pledgeworks.pledge.signatures.PersonalData;
import org.pledgeworks.pledge.signatures.Signature;
import org.pledgeworks.pledge.signatures.Signatures;
import org.pledgeworks.pledge.staff.CampaignStaff;
import org.pledgeworks.pledge.system.PledgeServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/staff/pledges/campaigns/{slug}/signers.csv}: the people who may be contacted about
 * the campaign (verified, counted — so neither withdrawn nor held in quarantine nor invalidated — not
 * erased, and consenting to updates), for admins of the campaign's owner or partner organisations
 * only: an export of personal data is an admin's decision, not an editor's.
 *
 * <p>Written straight from a database cursor to the response, a batch at a time, so memory stays
 * flat however many signers a campaign has; written on the request thread (not an async
 * {@code StreamingResponseBody}), so a long export is not cut by the async request timeout.
 */
@RestController
class SignerExportController {

    static final List<String> HEADER = List.of("name", "email", "country", "locale", "signedAt", "verifiedAt",
            "pledgeTextVersion", "consentWording");
    // an audit trail of who took personal data out, kept apart from the application log by its logger name
    private static final Logger audit = LoggerFactory.getLogger("audit.signer-export");
    private static final int BATCH = 500;

    private final CampaignStaff access;
    private final Signatures signatures;
    private final SignerExports exports;
    private final String currentWording;

    SignerExportController(CampaignStaff access, Signatures signatures, SignerExports exports,
            PledgeServiceProperties properties) {
        this.access = access;
        this.signatures = signatures;
        this.exports = exports;
        this.currentWording = properties.consent().wording();
    }

    @GetMapping("/api/staff/pledges/campaigns/{slug}/signers.csv")
    void export(@PathVariable String slug, @AuthenticationPrincipal Jwt staff, HttpServletResponse response)
            throws IOException {
        OpenCampaign campaign = access.authorise(slug, staff, CampaignStaff.ADMINS,
                "Only admins of this campaign's organisations may export its signers.");
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(campaign.slug() + "-signers.csv", StandardCharsets.UTF_8).build().toString());
        // personal data: no shared cache may keep it
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        long rows = 0;
        boolean complete = false;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
                Stream<Signature> signers = signatures.consentingSigners(campaign.campaignId(), BATCH)) {
            Csv.writeRow(out, HEADER);
            Iterator<Signature> each = signers.iterator();
            while (each.hasNext()) {
                Csv.writeRow(out, row(each.next()));
                rows++;
            }
            complete = true;
        }
        finally {
            // who, which campaign, how many: never the data itself
            audit.info("Signer export by staff {} of campaign {}: {} rows{}", staff.getSubject(),
                    campaign.campaignId(), rows, complete ? "" : " (interrupted)");
            exports.exported(campaign.campaignId(), staff, rows, complete);
        }
    }

    private List<String> row(Signature s) {
        PersonalData signer = s.signer();
        return List.of(text(signer.name()), text(signer.email()), text(s.country()), text(signer.locale()),
                instant(s.createdAt()), instant(s.verifiedAt()), String.valueOf(s.pledgeTextVersion()),
                // signatures from before the wording was recorded with each one: the configured wording,
                // the best this service knows
                s.consentWording() != null ? s.consentWording() : currentWording);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String instant(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
