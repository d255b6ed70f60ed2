/**
 * Organisations (issue 25): the profiles of the organisations that own and partner campaigns, under the
 * same ids that staff tokens and campaigns already use, and the public partner directory. Organisations
 * belong to nobody before they exist, so platform operators ({@code staff.PlatformOperators}) create them;
 * afterwards each organisation's own admins keep its profile. Every profile change is one conditional
 * write of the organisation that also records its event ({@code organisation-created},
 * {@code organisation-revised}). A profile's campaigns are read from {@code campaigns}, never copied here,
 * so the directory cannot disagree with the campaign pages.
 */
package org.pledgeworks.campaign.organisations;
