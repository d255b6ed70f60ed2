/** Cross-cutting configuration: MongoDB, Kafka topics and error handling, settings, the clock. */
package org.pledgeworks.notification.system;
