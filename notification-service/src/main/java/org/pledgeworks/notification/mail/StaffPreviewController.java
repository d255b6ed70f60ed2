package org.pledgeworks.notification.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff: every mail template rendered with sample data, in a locale, as it will be sent (subject,
 * text and HTML, variables escaped). Any valid staff token.
 */
@RestController
class StaffPreviewController {

    record Preview(String template, String locale, String subject, String text, String html) {
    }

    static final Map<String, Map<String, String>> SAMPLES = Map.of(
            "verification", Map.of("verificationUrl", "https://pledgeworks.example/verify/sample",
                    "expiresAt", "5 December 2026, 09:15 UTC"),
            "thank-you", Map.of("updatesNote", "You asked for updates about this campaign."),
            "already-signed", Map.of("statusNote", "Your signature is not confirmed yet.",
                    "actionLabel", "Confirm my signature", "actionUrl", "https://pledgeworks.example/verify/sample"),
            "campaign-update", Map.of("title", "Three brands answered",
                    "bodyHtml", "<p>Three brands <strong>answered</strong> our letter.</p>",
                    "bodyText", "Three brands answered our letter.", "url", "https://pledgeworks.example/campaign"),
            "milestone", Map.of("threshold", "1,000", "verifiedCount", "1,004", "goal", "10,000"),
            "progress", Map.of("targetName", "Example Apparel plc", "cycle", "2026", "scoreChange", "from 41 to 62.5",
                    "url", "https://pledgeworks.example/campaign#card"),
            "follow-confirmation", Map.of("confirmUrl", "https://pledgeworks.example/follow/sample"),
            "data-request", Map.of("exportUrl", "https://pledgeworks.example/export/sample",
                    "eraseUrl", "https://pledgeworks.example/erase/sample"),
            "staff-invitation", Map.of("inviter", "Coalition admin", "organisation", "Workers' Voice",
                    "role", "an editor", "acceptUrl", "https://pledgeworks.example/staff/invitations/sample",
                    "expiresAt", "14 December 2026, 09:00 UTC"),
            "staff-password-reset", Map.of("resetUrl", "https://pledgeworks.example/staff/reset/sample",
                    "validFor", "an hour", "expiresAt", "7 December 2026, 10:05 UTC"));

    private final MailTemplates templates;

    StaffPreviewController(MailTemplates templates) {
        this.templates = templates;
    }

    @Operation(summary = "The mail templates staff can preview")
    @GetMapping("/api/staff/notifications/templates")
    List<String> templates() {
        return SAMPLES.keySet().stream().sorted().toList();
    }

    @Operation(summary = "A template rendered with sample data")
    @GetMapping("/api/staff/notifications/templates/{template}/preview")
    Preview preview(@PathVariable String template, @RequestParam(defaultValue = "en") String locale,
            @RequestParam(defaultValue = "Buy only goods made without forced labour") String campaignTitle,
            @RequestParam(defaultValue = "Ada Example") String name) {
        Map<String, String> sample = SAMPLES.get(template);
        if (sample == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no template " + template);
        }
        Map<String, String> variables = new HashMap<>(sample);
        variables.put("campaignTitle", campaignTitle);
        variables.put("name", name);
        variables.put("unsubscribeUrl", "https://pledgeworks.example/unsubscribe/sample");
        variables.put("preferencesUrl", "https://pledgeworks.example/preferences/sample");
        Mail mail = templates.render(template, locale, "preview@pledgeworks.example", variables);
        return new Preview(template, locale, mail.subject(), mail.text(), mail.html());
    }
}
