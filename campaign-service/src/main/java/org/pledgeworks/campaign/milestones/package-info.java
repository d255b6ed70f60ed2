/**
 * Milestones: the verified count per campaign, learnt from {@code pledge-verified} and
 * {@code pledge-withdrawn}, and {@code milestone-reached} once per threshold crossed.
 */
package org.pledgeworks.campaign.milestones;
