/**
 * Volunteer opportunities (issue 27): staff of a campaign's owner or partner organisations post what
 * signers can do beyond the pledge. Draft → published → closed or filled. Drafts are the posting
 * organisation's working copy and cause no event; from publication on, every change is one conditional
 * write of the opportunity that also records its event ({@code opportunity-published},
 * {@code opportunity-revised}, {@code opportunity-closed}), so it happens once however callers race.
 * Only editors and admins of the posting organisation change an opportunity; the campaign's other
 * organisations see it, and organisations not on the campaign are not told it exists.
 */
package org.pledgeworks.campaign.opportunities;
