package org.pledgeworks.campaign.calendar;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import org.pledgeworks.campaign.calendar.CalendarEvent.Venue;
import org.pledgeworks.campaign.staff.StaffMember;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff post, revise, publish and cancel a campaign's events. */
@RestController
@RequestMapping("/api/staff/campaigns/{campaignId}/events")
class StaffCalendarController {

    private final CalendarEvents events;

    StaffCalendarController(CalendarEvents events) {
        this.events = events;
    }

    @GetMapping
    List<StaffEventView> all(StaffMember member, @PathVariable String campaignId) {
        return events.forStaff(member, campaignId).stream().map(StaffEventView::of).toList();
    }

    @PostMapping
    ResponseEntity<StaffEventView> post(StaffMember member, @PathVariable String campaignId,
            @Valid @RequestBody CalendarEventInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(StaffEventView.of(events.post(member, campaignId, input)));
    }

    @GetMapping("/{eventId}")
    StaffEventView one(StaffMember member, @PathVariable String campaignId, @PathVariable String eventId) {
        return StaffEventView.of(events.one(member, campaignId, eventId));
    }

    @PutMapping("/{eventId}")
    StaffEventView revise(StaffMember member, @PathVariable String campaignId, @PathVariable String eventId,
            @Valid @RequestBody CalendarEventInput input) {
        return StaffEventView.of(events.revise(member, campaignId, eventId, input));
    }

    @PostMapping("/{eventId}/publish")
    StaffEventView publish(StaffMember member, @PathVariable String campaignId, @PathVariable String eventId) {
        return StaffEventView.of(events.publish(member, campaignId, eventId));
    }

    @PostMapping("/{eventId}/cancel")
    StaffEventView cancel(StaffMember member, @PathVariable String campaignId, @PathVariable String eventId) {
        return StaffEventView.of(events.cancel(member, campaignId, eventId));
    }

    /** What staff see and edit: the Markdown source, not the rendering (the public view has that). */
    record StaffEventView(String calendarEventId, String campaignId, String organisingOrganisation, String status,
            String title, String description, LocalDateTime startsAt, LocalDateTime endsAt, String timeZone,
            Venue place, String onlineUrl, Integer capacity, Instant createdAt, String createdBy,
            Instant publishedAt, Instant cancelledAt, long sequence) {

        static StaffEventView of(CalendarEvent e) {
            CalendarEvent.Details d = e.details();
            return new StaffEventView(e.id(), e.campaignId(), e.organisingOrganisation(), e.status().wire(),
                    d.title(), d.description(), d.startsAt(), d.endsAt(), d.timeZone(), d.place(), d.onlineUrl(),
                    d.capacity(), e.createdAt(), e.createdBy(), e.publishedAt(), e.cancelledAt(), e.sequence());
        }
    }
}
