/**
 * What this service keeps of campaign-service's campaigns (open or not, the current pledge text
 * version), learnt from the {@code campaigns} topic, so signing goes on when campaign-service is down.
 */
package org.pledgeworks.pledge.campaigns;
