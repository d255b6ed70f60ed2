/**
 * The public pages the gateway renders on the server: a campaign at {@code /campaigns/{slug}} (its head
 * with the title, description and Open Graph tags a link preview reads, and a body readable without script,
 * which {@code static/js/campaign.js} then enhances, naming the organisations that run it), an organisation
 * at {@code /organisations/{id}}, an event at {@code /events/{id}}, a volunteer opportunity at
 * {@code /opportunities/{id}} (its interest form sent by {@code static/js/opportunity.js}), and the HTML error
 * pages (404, 503) that browsers get instead of Boot's "Whitelabel Error Page". The page reads the same public JSON the scripts read, through
 * a circuit breaker; see docs/architecture.md for why the gateway renders it and not campaign-service.
 */
package org.pledgeworks.gateway.pages;
