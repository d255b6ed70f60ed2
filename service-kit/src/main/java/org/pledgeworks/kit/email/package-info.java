/** What the services agree an email address identifies, so an erasure in one finds the person in another. */
package org.pledgeworks.kit.email;
