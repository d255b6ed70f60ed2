package org.pledgeworks.campaign.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.pledgeworks.campaign.audit.AuditEntry.Actor;
import org.pledgeworks.campaign.audit.AuditEntry.Subject;
import org.pledgeworks.campaign.staff.PlatformOperators;
import org.pledgeworks.campaign.staff.Role;
import org.pledgeworks.campaign.staff.StaffMember;
import org.pledgeworks.campaign.system.Csv;
import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.NotAllowedException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organisation's audit log, newest first, a page at a time. Its admins and the platform operators read
 * it; everyone else gets 403, members of other organisations too: like the profile it belongs to
 * ({@code StaffOrganisationController}), an organisation is public, so a 404 would hide nothing.
 */
@RestController
class AuditController {

    static final List<String> CSV_HEADER = List.of("at", "action", "actorId", "actorName", "subjectType",
            "subjectId", "subjectLabel", "details");

    private final AuditRepository repository;
    private final PlatformOperators operators;

    AuditController(AuditRepository repository, PlatformOperators operators) {
        this.repository = repository;
        this.operators = operators;
    }

    @GetMapping("/api/staff/organisations/{organisationId}/audit")
    ResponseEntity<?> log(StaffMember member,
            @PathVariable @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$") String organisationId,
            @RequestParam(required = false) String before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv") String format) {
        if (!operators.isOperator(member) && member.roleIn(organisationId).filter(r -> r == Role.ADMIN).isEmpty()) {
            throw new NotAllowedException("Only the organisation's admins read its audit log.");
        }
        AuditCursor cursor = before == null ? null : AuditCursor.parse(before)
                .orElseThrow(() -> new InvalidInputException("before", "is not a cursor this log gave out"));
        AuditAction only = action == null || action.isEmpty() ? null : AuditAction.parse(action)
                .orElseThrow(() -> new InvalidInputException("action", "must be one of "
                        + Arrays.stream(AuditAction.values()).map(AuditAction::wireName)
                                .collect(Collectors.joining(", "))));
        List<AuditEntry> entries = repository.page(organisationId, cursor, only, limit);
        String next = entries.size() < limit ? null : AuditCursor.after(entries.get(entries.size() - 1)).encoded();
        if (format.equals("csv")) {
            return csv(organisationId, entries, next);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new AuditPage(entries.stream().map(EntryView::of).toList(), next));
    }

    /** @param next the {@code before} of the following page; null on the last */
    record AuditPage(List<EntryView> entries, String next) {
    }

    record EntryView(String id, Instant at, Actor actor, String action, Subject subject, Map<String, String> details) {

        static EntryView of(AuditEntry e) {
            return new EntryView(e.id(), e.at(), e.actor(), e.action().wireName(), e.subject(), e.details());
        }
    }

    private static ResponseEntity<String> csv(String organisationId, List<AuditEntry> entries, String next) {
        Csv csv = Csv.withHeader(CSV_HEADER);
        for (AuditEntry e : entries) {
            csv.row(Stream.of(Csv.text(e.at()), e.action().wireName(), e.actor().id(), e.actor().name(),
                    e.subject().type(), e.subject().id(), e.subject().label(),
                    e.details().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining("; "))));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"audit-" + organisationId + ".csv\"");
        if (next != null) {
            // a CSV has no room for the cursor: the next page's link, as for any paged resource
            response.header("Link", "<?before=" + next + "&limit=" + entries.size() + "&format=csv>; rel=\"next\"");
        }
        return response.body(csv.toString());
    }
}
