/**
 * The progress card: the targets a campaign tracks (companies, governments), a framework of themes
 * and indicators with their scales, assessments per target × indicator × cycle with evidence and
 * reviewer, scores computed per theme and overall, history across cycles, and right of reply.
 * A change of a target's overall score publishes {@code progress-updated}.
 */
package org.pledgeworks.campaign.card;
