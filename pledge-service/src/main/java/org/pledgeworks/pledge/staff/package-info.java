/**
 * Who among campaign staff may do what to a campaign's signatures, decided per request from the
 * {@code organisations} claim of the staff JWT (organisation id → admin / editor / viewer) and the
 * campaign's owner and partner organisations.
 */
package org.pledgeworks.pledge.staff;
