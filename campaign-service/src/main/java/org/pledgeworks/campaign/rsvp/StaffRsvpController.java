package org.pledgeworks.campaign.rsvp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.validation.constraints.Pattern;
import org.pledgeworks.campaign.rsvp.Rsvp.Status;
import org.pledgeworks.campaign.staff.StaffMember;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff of the campaign's organisations see who is coming to an event and who waits, in order, with the
 * figures, and export both as CSV. Pending and cancelled RSVPs are counted, never shown.
 */
@RestController
@RequestMapping("/api/staff/campaigns/{campaignId}/events/{eventId}")
class StaffRsvpController {

    private final Rsvps rsvps;

    StaffRsvpController(Rsvps rsvps) {
        this.rsvps = rsvps;
    }

    @GetMapping("/rsvps")
    ResponseEntity<?> list(StaffMember member, @PathVariable String campaignId, @PathVariable String eventId,
            @RequestParam(required = false) @Pattern(regexp = "json|csv", message = "must be json or csv")
            String format) {
        Rsvps.StaffList list = rsvps.forStaff(member, campaignId, eventId);
        if ("csv".equals(format)) {
            return csv(list);
        }
        List<RsvpView> waiting = IntStream.range(0, list.waiting().size())
                .mapToObj(i -> RsvpView.of(list.waiting().get(i), (long) i + 1)).toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new RsvpList(eventId,
                list.event().title(), list.event().capacity(), new Figures(list.figures().get(Status.GOING),
                        list.figures().get(Status.WAITING), list.figures().get(Status.PENDING),
                        list.figures().get(Status.CANCELLED), list.seatsTaken()),
                list.going().stream().map(r -> RsvpView.of(r, null)).toList(), waiting));
    }

    @GetMapping("/rsvps.csv")
    ResponseEntity<?> export(StaffMember member, @PathVariable String campaignId, @PathVariable String eventId) {
        return csv(rsvps.forStaff(member, campaignId, eventId));
    }

    /** @param seatsTaken the seat counter, which equals {@code going} unless a write was cut off between the two */
    record Figures(long going, long waiting, long pending, long cancelled, long seatsTaken) {
    }

    record RsvpList(String calendarEventId, String title, Integer capacity, Figures figures, List<RsvpView> attendees,
            List<RsvpView> waitingList) {
    }

    record RsvpView(String rsvpId, String name, String email, String locale, String status, Long waitingPosition,
            Instant requestedAt, Instant confirmedAt, String consentWording) {

        static RsvpView of(Rsvp r, Long position) {
            return new RsvpView(r.id(), r.name(), r.email(), r.locale(), r.status().wire(), position,
                    r.requestedAt(), r.confirmedAt(), r.consentWording());
        }
    }

    private static ResponseEntity<String> csv(Rsvps.StaffList list) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"rsvps-" + list.event().calendarEventId()
                        + ".csv\"")
                .body(RsvpCsv.of(list));
    }
}
