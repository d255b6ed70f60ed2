/** Cross-cutting configuration: MongoDB, Kafka topics, settings, and problem details for errors. */
package org.pledgeworks.campaign.system;
