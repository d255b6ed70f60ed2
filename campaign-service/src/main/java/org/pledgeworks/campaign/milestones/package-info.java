/**
 * Milestones: the verified count per campaign, learnt from {@code pledge-verified} (skipping those
 * with {@code counted: false}, held in quarantine), {@code pledge-released} (a held one now counts)
 * and {@code pledge-withdrawn}, and {@code milestone-reached} once per threshold crossed.
 */
package org.pledgeworks.campaign.milestones;
