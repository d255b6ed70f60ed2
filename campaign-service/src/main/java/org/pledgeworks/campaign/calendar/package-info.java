/**
 * A campaign's events (issue 27; "calendar" because "events" here already means Kafka events): meetings,
 * demonstrations, webinars that staff of the campaign's owner or partner organisations post. Draft →
 * published → cancelled. Drafts are the organising organisation's working copy and cause no Kafka event;
 * from publication on, every change is one conditional write of the event that also records its Kafka
 * event ({@code calendar-event-published}, {@code -revised}, {@code -cancelled}), so it happens once
 * however callers race. Cancelled events stay visible, marked so. The public reads them as JSON and as
 * iCalendar ({@code ICalendarWriter}) to subscribe to. RSVP, waiting lists and reminders are not built yet.
 */
package org.pledgeworks.campaign.calendar;
