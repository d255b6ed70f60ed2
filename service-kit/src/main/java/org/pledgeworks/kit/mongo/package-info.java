/** Help for reading MongoDB collections the same way in every service. */
package org.pledgeworks.kit.mongo;
