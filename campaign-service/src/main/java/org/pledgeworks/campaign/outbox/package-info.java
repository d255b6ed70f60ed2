/**
 * This service's use of the kit's outbox ({@code org.pledgeworks.kit.outbox}): which collections carry
 * pending events, the CloudEvents source they are published under, {@code EventOutbox}, through which
 * every feature turns its campaign events into pending events and relays them once written, and
 * {@code EventDocuments}, the one conditional write of a state change with its events.
 */
package org.pledgeworks.campaign.outbox;
