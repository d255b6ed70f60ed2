/**
 * Events this service consumes: the listener on {@code pledges}, dispatch on the CloudEvents
 * {@code ce_type} header to the feature that handles each type, and this service's own slim records
 * of the fields it reads. Types nobody handles are skipped; a record that cannot be read goes to
 * {@code pledges.dlt}.
 */
package org.pledgeworks.notification.events;
