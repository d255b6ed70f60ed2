package org.pledgeworks.pledge.export;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Projections;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.pledgeworks.pledge.campaigns.OpenCampaign;
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
    private static final List<String> FIELDS = List.of("name", "email", "country", "locale", "createdAt",
            "verifiedAt", "pledgeTextVersion", "consentWording");
    // an audit trail of who took personal data out, kept apart from the application log by its logger name
    private static final Logger audit = LoggerFactory.getLogger("audit.signer-export");
    private static final int BATCH = 500;

    private final CampaignStaff access;
    private final Signatures signatures;
    private final String currentWording;

    SignerExportController(CampaignStaff access, Signatures signatures, PledgeServiceProperties properties) {
        this.access = access;
        this.signatures = signatures;
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
                MongoCursor<Document> cursor = signatures.collection().find(consentingSigners(campaign.campaignId()))
                        .projection(Projections.include(FIELDS)).batchSize(BATCH).cursor()) {
            Csv.writeRow(out, HEADER);
            while (cursor.hasNext()) {
                Csv.writeRow(out, row(cursor.next()));
                rows++;
            }
            complete = true;
        }
        finally {
            // who, which campaign, how many: never the data itself
            audit.info("Signer export by staff {} of campaign {}: {} rows{}", staff.getSubject(),
                    campaign.campaignId(), rows, complete ? "" : " (interrupted)");
        }
    }

    /**
     * {@code counts} is true exactly when a signature is verified and not held back (see
     * {@code CountOps.counts}); withdrawal sets it false. Erasure removes the name, the address and the
     * consent, and marks {@code erasedAt}.
     */
    static Bson consentingSigners(String campaignId) {
        return and(eq("campaignId", campaignId), eq("status", "VERIFIED"), eq("counts", true),
                eq("consentToUpdates", true), exists("erasedAt", false));
    }

    private List<String> row(Document s) {
        return List.of(text(s.getString("name")), text(s.getString("email")), text(s.getString("country")),
                text(s.getString("locale")), instant(s.getDate("createdAt")), instant(s.getDate("verifiedAt")),
                s.get("pledgeTextVersion") == null ? "" : String.valueOf(s.get("pledgeTextVersion")),
                // signatures from before the wording was recorded with each one: the configured wording,
                // the best this service knows
                s.getString("consentWording") != null ? s.getString("consentWording") : currentWording);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String instant(Date date) {
        return date == null ? "" : date.toInstant().toString();
    }
}
