/**
 * Plumbing shared by the services: it moves bytes and holds no event records and no domain. Each
 * service keeps owning its events (docs/architecture.md, "The service kit"). Its test-jar, under
 * {@code org.pledgeworks.kit.testing}, is the test support every module uses.
 */
package org.pledgeworks.kit;
