package org.pledgeworks.campaign.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * One line of the log, stored once however many organisations see it.
 *
 * @param organisations whose log it is in: the organisations the actor acted through, and the owner of the
 *                      campaign it concerns
 * @param details       a few facts about the change (a role, a cycle, a row count); never a signer's data
 */
public record AuditEntry(String id, List<String> organisations, Instant at, Actor actor, AuditAction action,
        Subject subject, Map<String, String> details) {

    public AuditEntry {
        // the stored precision, and the cursor's: a page must end where the next begins
        at = at.truncatedTo(ChronoUnit.MILLIS);
        organisations = List.copyOf(organisations);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A staff account, by its id and the name it had when it acted (the log keeps that name). */
    public record Actor(String id, String name) {
    }

    /** What the action was done to: {@code type} such as campaign, update, target, member. */
    public record Subject(String type, String id, String label) {

        public static Subject campaign(String campaignId, String title) {
            return new Subject("campaign", campaignId, title);
        }
    }
}
