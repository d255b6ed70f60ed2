package org.pledgeworks.campaign.interest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.pledgeworks.campaign.interest.Interest.Status;
import org.pledgeworks.campaign.staff.StaffMember;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff of the posting organisation see who confirmed their interest in an opportunity, export them as
 * CSV, and record what came of each. Pending interests are counted, never shown: nobody agreed yet.
 */
@RestController
@RequestMapping("/api/staff/opportunities/{opportunityId}")
class StaffInterestController {

    private final Interests interests;

    StaffInterestController(Interests interests) {
        this.interests = interests;
    }

    @GetMapping("/interest")
    ResponseEntity<?> list(StaffMember member, @PathVariable String opportunityId,
            @RequestParam(required = false) @Pattern(regexp = "json|csv", message = "must be json or csv")
            String format) {
        Interests.StaffList list = interests.forStaff(member, opportunityId);
        if ("csv".equals(format)) {
            return csv(list);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new InterestList(opportunityId,
                list.opportunity().title(), list.opportunity().postingOrganisation(), list.confirmed().size(),
                list.pending(), list.confirmed().stream().map(InterestView::of).toList()));
    }

    @GetMapping("/interest.csv")
    ResponseEntity<?> export(StaffMember member, @PathVariable String opportunityId) {
        return csv(interests.forStaff(member, opportunityId));
    }

    @PatchMapping("/interest/{interestId}")
    InterestView change(StaffMember member, @PathVariable String opportunityId, @PathVariable String interestId,
            @Valid @RequestBody StatusChange change) {
        return InterestView.of(interests.changeStatus(member, opportunityId, interestId, Status.ofWire(change.status())));
    }

    @PutMapping("/interest/{interestId}/status")
    InterestView put(StaffMember member, @PathVariable String opportunityId, @PathVariable String interestId,
            @Valid @RequestBody StatusChange change) {
        return change(member, opportunityId, interestId, change);
    }

    record StatusChange(@NotNull @Pattern(regexp = "new|contacted|placed|declined",
            message = "must be new, contacted, placed or declined") String status) {
    }

    record InterestList(String opportunityId, String title, String postingOrganisation, long confirmed, long pending,
            List<InterestView> items) {
    }

    record ConsentView(String wording, String version, Instant givenAt) {
    }

    record InterestView(String interestId, String name, String email, String message, String locale, String status,
            Instant expressedAt, Instant confirmedAt, ConsentView consent, Instant statusChangedAt,
            String statusChangedBy) {

        static InterestView of(Interest i) {
            return new InterestView(i.id(), i.name(), i.email(), i.message(), i.locale(), i.status().wire(),
                    i.expressedAt(), i.confirmedAt(), new ConsentView(i.consent().wording(), i.consent().version(),
                            i.consent().givenAt()), i.statusChangedAt(), i.statusChangedBy());
        }
    }

    private static ResponseEntity<String> csv(Interests.StaffList list) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"interest-" + list.opportunity().opportunityId()
                        + ".csv\"")
                .body(InterestCsv.of(list.confirmed()));
    }
}
