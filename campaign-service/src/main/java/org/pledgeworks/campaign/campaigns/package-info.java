/**
 * Campaigns: what staff publish and consumers sign. Publishing a campaign tells the other services
 * through a {@code campaign-published} event.
 */
package org.pledgeworks.campaign.campaigns;
