/**
 * The transactional outbox without transactions: events wait inside the document whose change caused
 * them, and a relay publishes them to Kafka and then removes them.
 */
package org.pledgeworks.pledge.outbox;
