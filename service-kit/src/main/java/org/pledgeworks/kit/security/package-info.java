/**
 * The security every servlet service's API shares: stateless, bearer tokens only. Each service still
 * writes its own chain (which paths are open is its business) and calls {@link
 * org.pledgeworks.kit.security.BearerTokenApi#stateless} for the rest.
 */
package org.pledgeworks.kit.security;
