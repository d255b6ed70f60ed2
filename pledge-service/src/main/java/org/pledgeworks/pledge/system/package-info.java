/** Cross-cutting configuration: MongoDB, Kafka topics and error handling, settings, problem details. */
package org.pledgeworks.pledge.system;
