/**
 * Cross-cutting configuration: MongoDB, Kafka topics, settings, and problem details for errors. The
 * exceptions every feature throws for a 403, 404, 409 or 400 live here, so the error handling depends on
 * no feature and every feature refuses a request the same way.
 */
package org.pledgeworks.campaign.system;
