package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.observation.ObservationRegistry;
import org.pledgeworks.gateway.pages.CampaignPageData.Campaign;
import org.pledgeworks.gateway.pages.CampaignPageData.Count;
import org.pledgeworks.gateway.pages.CampaignPageData.Update;
import org.pledgeworks.gateway.routing.RoutingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The page's reads of the services' public JSON: the same three reads the page's script would otherwise
 * make (campaign, count, updates), in parallel, each bounded by {@code pledgeworks.gateway.pages.timeout}; and
 * beside them the upcoming events and volunteer opportunities ({@link EngagementReads}, left out when they fail
 * or are slow), which the script never read.
 * Each service's reads go through a circuit breaker of their own ({@code campaign-page},
 * {@code count-page}), so a service that is away costs the page one quick 503 rather than a timeout per
 * visitor. Only the campaign is needed: the count and the updates are left out when they fail, and the
 * owner's and partners' profiles ({@link OrganisationReads}) become bare ids.
 */
@Component
class CampaignReads {

    /** What became of reading the campaign: found, not there (a 404 page), or no answer (a 503 page). */
    sealed interface Outcome {
    }

    record Found(CampaignPageData data) implements Outcome {
    }

    record Missing() implements Outcome {
    }

    record Unavailable() implements Outcome {
    }

    private static final Logger log = LoggerFactory.getLogger(CampaignReads.class);

    private final WebClient campaigns;
    private final WebClient pledges;
    private final ReactiveCircuitBreaker campaignBreaker;
    private final ReactiveCircuitBreaker countBreaker;
    private final PagesProperties properties;
    private final OrganisationReads organisations;
    private final EngagementReads engagement;

    /**
     * Built here: Boot 4 gives no {@code WebClient.Builder} without its webclient module, which the gateway
     * does not otherwise need; the observation registry is what carries the page's trace to the services.
     */
    CampaignReads(ObjectProvider<ObservationRegistry> observations, RoutingProperties routing,
            ReactiveCircuitBreakerFactory<?, ?> breakers, PagesProperties properties, OrganisationReads organisations,
            EngagementReads engagement) {
        WebClient.Builder web = WebClient.builder()
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        this.campaigns = web.clone().baseUrl(service(routing, "campaign-service")).build();
        this.pledges = web.clone().baseUrl(service(routing, "pledge-service")).build();
        this.campaignBreaker = breakers.create("campaign-page");
        this.countBreaker = breakers.create("count-page");
        this.properties = properties;
        this.organisations = organisations;
        this.engagement = engagement;
    }

    Mono<Outcome> campaign(String slug, String acceptLanguage) {
        Mono<Optional<JsonNode>> campaign = campaignBreaker.run(read(campaigns, "", slug, acceptLanguage)
                .map(Optional::of)
                // "no such campaign" is an answer, not a failure: it must not open the breaker
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(Optional.empty())))
                .cache();
        // the owner's and partners' names, read as soon as the campaign says who they are (while the count
        // and updates may still be on their way); a campaign that fails is answered by the zip below
        Mono<Map<String, OrganisationProfile>> named = campaign
                .flatMap(found -> found.map(json -> organisations.cards(Campaign.from(json).organisations()))
                        .orElseGet(() -> Mono.just(Map.of())))
                .onErrorResume(e -> Mono.just(Map.of()));
        Mono<Optional<Count>> count = countBreaker.run(read(pledges, "/count", slug, null)
                .map(json -> Optional.of(Count.from(json)))
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(Optional.empty())))
                .onErrorResume(e -> Mono.just(Optional.empty()));
        // a campaign without updates answers 404 here: an answer, which must not open the breaker either
        Mono<List<Update>> updates = campaignBreaker.run(read(campaigns, "/updates", slug, null)
                .map(Update::listFrom)
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(List.of())))
                .onErrorResume(e -> Mono.just(List.of()));
        // asked at once with the campaign (never failing): a slug that is no campaign costs them a quick 404
        Mono<List<EventListing>> events = engagement.upcomingEvents(slug);
        Mono<List<OpportunityListing>> opportunities = engagement.opportunities(slug);
        Mono<Endorsers> endorsers = engagement.endorsers(slug);
        return Mono.zip(campaign, count, updates, named, events, opportunities, endorsers).<Outcome>map(all -> all
                        .getT1().<Outcome>map(json -> new Found(new CampaignPageData(Campaign.from(json),
                                all.getT2().orElse(null), all.getT3(), all.getT4(), all.getT5(), all.getT6(),
                                all.getT7())))
                        .orElseGet(Missing::new))
                .onErrorResume(e -> {
                    // the slug is left out: it says what someone reads (the route and the cause are enough)
                    log.warn("campaign page unavailable: {}: {}", e.getClass().getSimpleName(), e.getMessage());
                    return Mono.just(new Unavailable());
                });
    }

    /** What the embed shows and who may frame it. */
    record EmbedData(Campaign campaign, Count count, List<String> origins) {
    }

    /**
     * The embed's reads: the campaign, its count and the sites that may frame it, in parallel. Sites that
     * cannot be read are none: the embed then refuses every frame rather than allowing any.
     */
    Mono<Optional<EmbedData>> embed(String slug, String acceptLanguage) {
        Mono<Optional<JsonNode>> campaign = campaignBreaker.run(read(campaigns, "", slug, acceptLanguage)
                .map(Optional::of)
                .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(Optional.empty())));
        Mono<Optional<Count>> count = countBreaker.run(read(pledges, "/count", slug, null)
                .map(json -> Optional.of(Count.from(json))))
                .onErrorResume(e -> Mono.just(Optional.empty()));
        Mono<List<String>> origins = campaignBreaker.run(read(campaigns, "/embed", slug, null)
                .map(json -> {
                    List<String> named = new java.util.ArrayList<>();
                    json.path("origins").forEach(origin -> named.add(origin.asString()));
                    return List.copyOf(named);
                }))
                .onErrorResume(e -> Mono.just(List.of()));
        return Mono.zip(campaign, count, origins).map(all -> all.getT1()
                .map(json -> new EmbedData(Campaign.from(json), all.getT2().orElse(null), all.getT3())));
    }

    /** The slug goes in as a URI variable, so it is one encoded path segment whatever it holds. */
    private Mono<JsonNode> read(WebClient client, String suffix, String slug, String acceptLanguage) {
        return client.get()
                .uri(uri -> uri.path("/api/campaigns/{slug}" + suffix).build(slug))
                .accept(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (acceptLanguage != null) {
                        h.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
                    }
                })
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout());
    }

    static String service(RoutingProperties routing, String name) {
        URI uri = routing.services().get(name);
        if (uri == null) {
            throw new IllegalStateException("pledgeworks.gateway.services." + name + " is not set");
        }
        return uri.toString();
    }
}
