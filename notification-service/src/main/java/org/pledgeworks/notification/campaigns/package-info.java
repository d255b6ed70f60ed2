/**
 * What this service keeps of campaign-service's campaigns: title, slug, default locale and owning
 * organisation, for mail about a campaign and for staff authorisation. Its own slim copy, from
 * {@code campaign-published.v1} ({@link org.pledgeworks.notification.campaigns.CampaignPublished}).
 */
package org.pledgeworks.notification.campaigns;
