package org.pledgeworks.campaign.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pledgeworks.campaign.support.CalendarEventMother;
import org.pledgeworks.campaign.support.CampaignMother;
import org.pledgeworks.campaign.support.ServiceIT;
import org.pledgeworks.campaign.support.StaffAuthorisation;
import org.pledgeworks.kit.testing.StaffTokens;

/**
 * Every staff event endpoint (RSVPs' included) × role × the caller's organisation: the organising one, the campaign's
 * other organisation, or one not on the campaign. Events here are organised by a partner, the case where
 * "on the campaign" and "may change it" part ways (the owner's staff read but do not change); an owner's
 * events are changed by its staff throughout {@code CalendarIT}, and the matrix stays within CI's time. Not on the campaign: 404, as for the rest of a campaign. On
 * it: everyone reads; only editors and admins of the organising organisation change (403 for the rest).
 * A call expected to change an event gets one of its own; every other call leaves it as it was, so those
 * share one draft and one published event per organising organisation.
 */
class CalendarAuthorisationIT extends ServiceIT {

    private static final String BASE = "/api/staff/campaigns/";
    private static String campaignId;
    /** By organising organisation and state: what the calls expected to change nothing are made on. */
    private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

    enum Caller { ORGANISING, OTHER_ON_CAMPAIGN, NOT_ON_CAMPAIGN }

    /** @param published whether it is called on a published event (the rest on a draft) */
    record Endpoint(String name, boolean changes, boolean published, int success, Call call) {

        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> call(CalendarAuthorisationIT test, String eventId, String organising, String token);
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET list", false, false, 200,
                        (t, e, o, tok) -> t.get(BASE + campaignId + "/events", tok)),
                new Endpoint("GET one", false, false, 200,
                        (t, e, o, tok) -> t.get(BASE + campaignId + "/events/" + e, tok)),
                new Endpoint("POST new", true, false, 201,
                        (t, e, o, tok) -> t.post(BASE + campaignId + "/events", tok, CalendarEventMother.meeting(o))),
                new Endpoint("PUT revise", true, false, 200,
                        (t, e, o, tok) -> t.put(BASE + campaignId + "/events/" + e, tok, CalendarEventMother.online(o))),
                new Endpoint("POST publish", true, false, 200,
                        (t, e, o, tok) -> t.post(BASE + campaignId + "/events/" + e + "/publish", tok, null)),
                new Endpoint("POST cancel", true, true, 200,
                        (t, e, o, tok) -> t.post(BASE + campaignId + "/events/" + e + "/cancel", tok, null)),
                // RSVPs: attendees and the waiting list, read by staff of every organisation on the campaign
                new Endpoint("GET rsvps", false, true, 200,
                        (t, e, o, tok) -> t.get(BASE + campaignId + "/events/" + e + "/rsvps", tok)),
                new Endpoint("GET rsvps.csv", false, true, 200,
                        (t, e, o, tok) -> t.get(BASE + campaignId + "/events/" + e + "/rsvps.csv", tok)));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String role : List.of("admin", "editor", "viewer")) {
                for (Caller caller : Caller.values()) {
                    cases.add(Arguments.of(endpoint, CampaignMother.PARTNER, role, caller));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} of {1}'s event as {2} of {3}")
    @MethodSource("matrix")
    void onlyTheOrganisingOrganisationsEditorsAndAdminsChangeAnEvent(Endpoint endpoint, String organising,
            String role, Caller caller) {
        fixture();
        int expected = StaffAuthorisation.expected(caller != Caller.NOT_ON_CAMPAIGN, endpoint.changes(),
                caller == Caller.ORGANISING && !role.equals("viewer"), endpoint.success());
        String eventId = endpoint.changes() && expected == endpoint.success()
                ? event(organising, endpoint.published())
                : SHARED.computeIfAbsent(organising + (endpoint.published() ? " published" : " draft"),
                        key -> event(organising, endpoint.published()));
        String organisation = switch (caller) {
            case ORGANISING -> organising;
            case OTHER_ON_CAMPAIGN -> organising.equals(CampaignMother.OWNER) ? CampaignMother.PARTNER
                    : CampaignMother.OWNER;
            case NOT_ON_CAMPAIGN -> CampaignMother.OTHER;
        };

        HttpResponse<String> response = endpoint.call().call(this, eventId, organising,
                StaffTokens.forRoles(Map.of(organisation, role)));

        StaffAuthorisation.assertAnswered(response, expected);
    }

    private synchronized void fixture() {
        if (campaignId != null) {
            return;
        }
        campaignId = openCampaign(CampaignMother.draft());
    }

    /** A draft posted by an editor of {@code organising}, and published by them if {@code published}. */
    private String event(String organising, boolean published) {
        HttpResponse<String> posted = post(BASE + campaignId + "/events", editorOf(organising),
                CalendarEventMother.meeting(organising));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String eventId = read(posted).get("calendarEventId").asString();
        if (published) {
            assertThat(post(BASE + campaignId + "/events/" + eventId + "/publish", editorOf(organising), null)
                    .statusCode()).isEqualTo(200);
        }
        return eventId;
    }

    private static String editorOf(String organisation) {
        return StaffTokens.forRoles(Map.of(organisation, "editor"));
    }
}
