package org.pledgeworks.campaign.card;

import java.time.Instant;

/**
 * One indicator of one target assessed for one cycle: assessing it again replaces it.
 *
 * @param value as given, normalised to lower case (yes, partial, 72, no-data, ...)
 * @param score 0 to 100 by the indicator's {@link Scale}, null for no data
 */
record TargetAssessment(String campaignId, String targetId, String indicatorId, String cycle, String value,
        Double score, String evidenceLink, String evidenceNote, String reviewedBy, Instant reviewedAt) {

    /** target, indicator and cycle: what makes an assessment the same one */
    String id() {
        return targetId + "|" + indicatorId + "|" + cycle;
    }
}
