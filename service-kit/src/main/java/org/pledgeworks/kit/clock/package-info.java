/** The clock every service reads the time from, so tests can put theirs in its place. */
package org.pledgeworks.kit.clock;
