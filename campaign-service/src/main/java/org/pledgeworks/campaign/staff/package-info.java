/**
 * Staff identity: who is calling, from the gateway's JWT, and which organisations they act for in
 * which role. Object-level checks (is this campaign one of theirs?) live with each feature, through
 * {@link org.pledgeworks.campaign.staff.StaffMember#roleOn}.
 */
package org.pledgeworks.campaign.staff;
