/**
 * One way to consume events: a listener hands each record to the {@link org.pledgeworks.kit.events.EventDispatcher},
 * which reads it into the slim record of the {@link org.pledgeworks.kit.events.EventHandler} registered for its
 * {@code ce_type}. The records and handlers belong to each service.
 */
package org.pledgeworks.kit.events;
