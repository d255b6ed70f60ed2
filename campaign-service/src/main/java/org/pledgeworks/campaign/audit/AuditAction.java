package org.pledgeworks.campaign.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The fixed vocabulary of the log: what a reader filters by ({@code ?action=}), as it appears on the wire. */
public enum AuditAction {
    MEMBER_INVITED, INVITATION_RESENT, INVITATION_REVOKED, MEMBER_JOINED, MEMBER_ROLE_CHANGED, MEMBER_REMOVED,
    CAMPAIGN_PUBLISHED, CAMPAIGN_CLOSED, UPDATE_PUBLISHED, UPDATE_SCHEDULED, SCORE_CHANGED, FRAMEWORK_CHANGED,
    ENDORSED, ENDORSEMENT_WITHDRAWN, OPPORTUNITY_PUBLISHED, EVENT_PUBLISHED, EVENT_CANCELLED, PROFILE_REVISED,
    SIGNERS_EXPORTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<AuditAction> parse(String wireName) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wireName)).findFirst();
    }
}
