/**
 * The transactional outbox without transactions: events wait inside the document whose change caused
 * them, and a relay publishes them to Kafka and then removes them. One implementation for every
 * service; a service names the collections that carry pending events and its CloudEvents source.
 */
package org.pledgeworks.kit.outbox;
