/**
 * This service's use of the kit's outbox ({@code org.pledgeworks.kit.outbox}): which collections carry
 * pending events, and the CloudEvents source they are published under.
 */
package org.pledgeworks.pledge.outbox;
