package org.pledgeworks.gateway.pages;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.micrometer.observation.ObservationRegistry;
import org.pledgeworks.gateway.routing.RoutingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The pages' reads of campaign-service's events and volunteer opportunities, through a circuit breaker of
 * their own ({@code engagement-page}): a calendar that is slow must not open the campaign page's breaker and
 * take the campaign down with it. For the campaign page they are a nicety, bounded by
 * {@code pledgeworks.gateway.pages.sections-timeout} and never failing (a section not read is left out); an
 * event's or opportunity's own page waits {@code pledgeworks.gateway.pages.timeout}, like the campaign page.
 */
@Component
class EngagementReads {

    /** What became of reading one event or opportunity: found, not there (a 404 page), or no answer (503). */
    sealed interface Outcome<T> {
    }

    record Found<T>(T found) implements Outcome<T> {
    }

    record Missing<T>() implements Outcome<T> {
    }

    record Unavailable<T>() implements Outcome<T> {
    }

    private static final Logger log = LoggerFactory.getLogger(EngagementReads.class);

    /** As many as a campaign page lists; the calendar feed has them all. */
    static final int EVENTS_SHOWN = 10;

    static final int OPPORTUNITIES_SHOWN = 20;

    private final WebClient campaigns;
    private final ReactiveCircuitBreaker breaker;
    private final PagesProperties properties;

    EngagementReads(ObjectProvider<ObservationRegistry> observations, RoutingProperties routing,
            ReactiveCircuitBreakerFactory<?, ?> breakers, PagesProperties properties) {
        this.campaigns = WebClient.builder()
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .baseUrl(CampaignReads.service(routing, "campaign-service")).build();
        this.breaker = breakers.create("engagement-page");
        this.properties = properties;
    }

    /** The campaign's events not yet over, soonest first; empty when there are none or they could not be read. */
    Mono<List<EventListing>> upcomingEvents(String slug) {
        return section("/api/campaigns/{slug}/events?size=" + EVENTS_SHOWN, slug, EventListing::listFrom, List.of());
    }

    /** The campaign's published opportunities, newest first; empty as the events are. */
    Mono<List<OpportunityListing>> opportunities(String slug) {
        return section("/api/campaigns/{slug}/opportunities?size=" + OPPORTUNITIES_SHOWN, slug,
                OpportunityListing::listFrom, List.of());
    }

    /** The organisations that endorse the campaign; none when there are none or they could not be read. */
    Mono<Endorsers> endorsers(String slug) {
        return section("/api/campaigns/{slug}/endorsements", slug, Endorsers::from, Endorsers.NONE);
    }

    Mono<Outcome<EventListing>> event(String id) {
        return one("/api/events/{id}", id, EventListing::from);
    }

    Mono<Outcome<OpportunityListing>> opportunity(String id) {
        return one("/api/opportunities/{id}", id, OpportunityListing::from);
    }

    /** @param none what the page shows when the section could not be read */
    private <T> Mono<T> section(String path, String slug, Function<JsonNode, T> parse, T none) {
        return breaker.run(read(path, slug, properties.sectionsTimeout()).map(parse)
                        // a campaign without them may answer 404: an answer, which must not open the breaker
                        .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(none)))
                .onErrorResume(e -> {
                    log.warn("campaign page without a section: {}: {}", e.getClass().getSimpleName(), e.getMessage());
                    return Mono.just(none);
                });
    }

    private <T> Mono<Outcome<T>> one(String path, String id, Function<JsonNode, T> parse) {
        return breaker.run(read(path, id, properties.timeout())
                        .<Outcome<T>>map(json -> new Found<>(parse.apply(json)))
                        // "no such event" is an answer, not a failure: it must not open the breaker
                        .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(new Missing<>())))
                .onErrorResume(e -> {
                    log.warn("{} page unavailable: {}: {}", path, e.getClass().getSimpleName(), e.getMessage());
                    return Mono.just(new Unavailable<>());
                });
    }

    /** The slug or id goes in as a URI variable, so it is one encoded path segment whatever it holds. */
    private Mono<JsonNode> read(String path, String variable, Duration timeout) {
        return campaigns.get()
                .uri(path, variable)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(timeout);
    }
}
