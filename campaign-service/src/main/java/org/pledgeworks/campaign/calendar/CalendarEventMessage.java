package org.pledgeworks.campaign.calendar;

import java.util.UUID;

/**
 * What every Kafka event of this feature gives the outbox: its id, its logical type on the wire and its
 * key. ("Message", since here "event" is also what goes on the calendar.)
 */
sealed interface CalendarEventMessage permits CalendarEventPublished, CalendarEventRevised, CalendarEventCancelled {

    UUID eventId();

    /** The Kafka key: the campaign, so that one campaign's events (and so each calendar event's) stay in order. */
    String campaignId();

    String wireType();
}
