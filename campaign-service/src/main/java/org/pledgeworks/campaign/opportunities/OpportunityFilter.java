package org.pledgeworks.campaign.opportunities;

/** What the public list of a campaign's opportunities may be narrowed by; a null field does not narrow. */
record OpportunityFilter(String countryCode, String city, Boolean remote, String skill) {
}
