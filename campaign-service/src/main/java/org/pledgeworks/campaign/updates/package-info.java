/**
 * Updates: news staff post to a campaign's followers. Draft → scheduled → published; publishing is
 * one conditional write that also records {@code campaign-update-published}, so it happens exactly
 * once whether staff press "publish", the scheduler finds it due, several instances race, or the
 * service restarted in between.
 */
package org.pledgeworks.campaign.updates;
