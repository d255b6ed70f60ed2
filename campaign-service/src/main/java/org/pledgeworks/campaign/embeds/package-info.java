/**
 * Embeds: the sites allowed to show a campaign's counter and sign form in a frame ({@code /embed/{slug}},
 * rendered by the gateway). Staff keep the list; the gateway reads it to write the embed's
 * {@code frame-ancestors}, so only those sites can frame the form their visitors sign in.
 */
package org.pledgeworks.campaign.embeds;
