/** Two tiny "services" for the architecture rules' own tests: one keeps every rule, one breaks each. */
package org.pledgeworks.kit.testing.sample;
