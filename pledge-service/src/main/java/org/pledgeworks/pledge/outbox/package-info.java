/**
 * This service's use of the kit's outbox ({@code org.pledgeworks.kit.outbox}): which collections carry
 * pending events. The source they are published under is the application's name.
 */
package org.pledgeworks.pledge.outbox;
