package org.pledgeworks.notification.subscribers;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import org.bson.Document;
import org.pledgeworks.notification.campaigns.CampaignDirectory;
import org.pledgeworks.notification.system.StaffAccess;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Consent as exportable proof. Staff (admins and editors of an organisation running the campaign: its
 * owner or a partner) download a campaign's consent records as JSON or CSV, streamed in batches so an
 * export of any size holds one batch in memory; a subscriber downloads their own from the signed
 * preference link.
 */
@RestController
class ConsentsController {

    private static final Set<String> EXPORTING_ROLES = Set.of("admin", "editor");
    private static final int BATCH = 500;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Subscriptions subscriptions;
    private final CampaignDirectory campaigns;
    private final MailLinks links;
    private final JsonMapper json;

    ConsentsController(Subscriptions subscriptions, CampaignDirectory campaigns, MailLinks links, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.campaigns = campaigns;
        this.links = links;
        this.json = json;
    }

    @Operation(summary = "A campaign's consent records (JSON array, or CSV with format=csv or Accept: text/csv)")
    @GetMapping("/api/staff/notifications/campaigns/{campaignId}/consents")
    ResponseEntity<StreamingResponseBody> ofCampaign(@PathVariable String campaignId,
            @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @AuthenticationPrincipal Jwt staff) {
        List<String> organisations = campaigns.organisationsOf(campaignId);
        StaffAccess.requireMemberOfAny(staff, organisations);
        if (!StaffAccess.hasRoleInAny(staff, organisations, EXPORTING_ROLES)) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.FORBIDDEN,
                    "exporting consent records takes an admin or editor of an organisation running the campaign");
        }
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("text/csv"));
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(csv ? ConsentRecord.CSV_HEADER + "\r\n" : "[");
            boolean[] first = { true };
            List<Document> batch = new ArrayList<>(BATCH);
            Runnable flush = () -> {
                write(batch, writer, csv, first);
                batch.clear();
            };
            subscriptions.consentsOfCampaign(campaignId, d -> {
                batch.add(d);
                if (batch.size() == BATCH) {
                    flush.run();
                }
            });
            flush.run();
            writer.write(csv ? "" : "]");
            writer.flush();
        };
        return ResponseEntity.ok().contentType(csv ? CSV : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"consents-" + campaignId.replaceAll("[^A-Za-z0-9_-]", "_")
                        + (csv ? ".csv" : ".json") + "\"")
                .body(body);
    }

    @Operation(summary = "Your own consent records (JSON), from the signed preference link")
    @GetMapping(path = "/preferences/{token}/consents", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<ConsentRecord>> own(@PathVariable String token) {
        var recipientId = links.readPreferences(token);
        if (recipientId.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        String email = subscriptions.subscriber(recipientId.get()).map(d -> d.getString("email")).orElse(null);
        List<ConsentRecord> own = subscriptions.consentsOf(recipientId.get()).stream()
                .map(d -> ConsentRecord.of(d, email)).toList();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"my-consents.json\"").body(own);
    }

    private void write(List<Document> batch, Writer writer, boolean csv, boolean[] first) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Document> people = subscriptions.subscribers(batch.stream().map(d -> d.getString("recipientId"))
                .distinct().toList());
        try {
            for (Document d : batch) {
                Document person = people.get(d.getString("recipientId"));
                ConsentRecord record = ConsentRecord.of(d, person == null ? null : person.getString("email"));
                if (csv) {
                    writer.write(record.csvLine() + "\r\n");
                }
                else {
                    writer.write((first[0] ? "" : ",") + json.writeValueAsString(record));
                    first[0] = false;
                }
            }
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
