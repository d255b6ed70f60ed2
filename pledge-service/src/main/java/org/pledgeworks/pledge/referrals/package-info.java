/**
 * Where signatures come from: each signer's referral code, which the share links offered after signing
 * carry, and the staff report of signatures by source ({@code utm_*} of the link followed) and by referral.
 */
package org.pledgeworks.pledge.referrals;
