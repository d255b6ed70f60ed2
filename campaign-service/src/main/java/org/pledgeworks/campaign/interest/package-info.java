/**
 * Interest in a volunteer opportunity (issue 27): anyone says, without signing in, that they would like
 * to help, and consents to be contacted by the posting organisation; the interest stays pending until
 * they confirm it by a signed link in a mail (double opt-in), and the mail's other link withdraws it.
 * Staff of the posting organisation alone see the confirmed ones, export them and track them (new,
 * contacted, placed, declined). {@code signer-erased} deletes a person's interests. The events carry
 * name and address, so they go to the {@code opportunity-interests} topic (a week's retention).
 */
package org.pledgeworks.campaign.interest;
