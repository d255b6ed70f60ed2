/**
 * MongoDB the same way in every service: the service's database on Boot's client, its health by
 * {@code ping}, and help for reading collections in slices.
 */
package org.pledgeworks.kit.mongo;
