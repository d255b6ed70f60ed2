/**
 * Endorsements: an organisation, through one of its admins, puts its name (and a quote) behind a campaign's
 * statement — the "commitment to action" that a task force of agencies signs. Any organisation in the
 * directory may endorse an open campaign, partner or not; the campaign page lists the endorsers with their
 * logos, and an endorsement can be withdrawn. Each change is an event on {@code campaigns}.
 */
package org.pledgeworks.campaign.endorsements;
