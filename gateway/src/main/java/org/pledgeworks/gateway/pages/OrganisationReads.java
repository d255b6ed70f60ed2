package org.pledgeworks.gateway.pages;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.observation.ObservationRegistry;
import org.pledgeworks.gateway.routing.RoutingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
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
 * The pages' reads of campaign-service's partner directory ({@code GET /api/organisations/{id}}), through a
 * circuit breaker of their own ({@code organisation-page}), so a directory that is away costs pages one quick
 * miss rather than a wait per visitor.
 *
 * <p>The campaign page names its owner and partners: a coalition may have a hundred, so their profiles are
 * kept here for a minute (campaign-service's own {@code max-age} for them), "no profile" included, and one read
 * per organisation is shared by every page that asks at once. What the directory does not give within
 * {@code pledgeworks.gateway.pages.organisations-timeout} the page shows as the bare id: the campaign page
 * never fails or waits long for its partners.
 */
@Component
class OrganisationReads {

    /** What became of reading one organisation's page: found, not there (a 404 page), or no answer (503). */
    sealed interface Outcome {
    }

    record Found(OrganisationProfile profile) implements Outcome {
    }

    record Missing() implements Outcome {
    }

    record Unavailable() implements Outcome {
    }

    private static final Logger log = LoggerFactory.getLogger(OrganisationReads.class);

    /** Reads in flight for one page: enough for a hundred partners in a few round trips, not a flood. */
    private static final int CONCURRENT_READS = 8;

    private static final Duration KEPT = Duration.ofSeconds(60);

    private final WebClient campaigns;
    private final ReactiveCircuitBreaker breaker;
    private final PagesProperties properties;
    private final Cache<String, Optional<OrganisationProfile>> kept = Caffeine.newBuilder()
            .expireAfterWrite(KEPT).maximumSize(10_000).build();
    private final ConcurrentMap<String, Mono<Optional<OrganisationProfile>>> reading = new ConcurrentHashMap<>();

    OrganisationReads(ObjectProvider<ObservationRegistry> observations, RoutingProperties routing,
            ReactiveCircuitBreakerFactory<?, ?> breakers, PagesProperties properties) {
        this.campaigns = WebClient.builder()
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
                .baseUrl(CampaignReads.service(routing, "campaign-service")).build();
        this.breaker = breakers.create("organisation-page");
        this.properties = properties;
    }

    /** One organisation's page: its profile with its campaigns. */
    Mono<Outcome> profile(String id) {
        return breaker.run(read(id, properties.timeout())
                        .<Outcome>map(json -> new Found(OrganisationProfile.from(id, json)))
                        // "no such organisation" is an answer, not a failure: it must not open the breaker
                        .onErrorResume(WebClientResponseException.NotFound.class, e -> Mono.just(new Missing())))
                .onErrorResume(e -> {
                    log.warn("organisation page unavailable: {}: {}", e.getClass().getSimpleName(), e.getMessage());
                    return Mono.just(new Unavailable());
                });
    }

    /** One page (0-based) of the directory; empty when it could not be read. */
    Mono<Optional<OrganisationDirectory>> directory(int page, int size) {
        return breaker.run(campaigns.get()
                        .uri(uri -> uri.path("/api/organisations").queryParam("page", page).queryParam("size", size)
                                .build())
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(JsonNode.class)
                        .timeout(properties.timeout())
                        .map(json -> Optional.of(OrganisationDirectory.from(json, page, size))))
                .onErrorResume(e -> {
                    log.warn("organisation directory unavailable: {}: {}", e.getClass().getSimpleName(), e.getMessage());
                    return Mono.just(Optional.empty());
                });
    }

    /**
     * The profiles of these organisations that are there and could be read in time, by id, in the order
     * asked; an organisation without a profile, or one the directory did not give in time, is not in it.
     * Never fails.
     */
    Mono<Map<String, OrganisationProfile>> cards(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        Duration timeout = properties.organisationsTimeout();
        return Flux.fromIterable(ids)
                .flatMap(id -> card(id).map(found -> Map.entry(id, found)), CONCURRENT_READS)
                // what came in time is shown; the rest stay ids
                .take(timeout)
                .collectList()
                .map(entries -> {
                    Map<String, OrganisationProfile> byId = new LinkedHashMap<>();
                    entries.forEach(e -> byId.put(e.getKey(), e.getValue()));
                    Map<String, OrganisationProfile> ordered = new LinkedHashMap<>();
                    ids.forEach(id -> {
                        if (byId.containsKey(id)) {
                            ordered.put(id, byId.get(id));
                        }
                    });
                    return ordered;
                })
                .onErrorResume(e -> Mono.just(Map.of()));
    }

    /** Empty when there is no profile or it could not be read. */
    private Mono<OrganisationProfile> card(String id) {
        Optional<OrganisationProfile> known = kept.getIfPresent(id);
        if (known != null) {
            return Mono.justOrEmpty(known);
        }
        return reading.computeIfAbsent(id, key -> breaker.run(read(key, properties.timeout())
                                .map(json -> Optional.of(OrganisationProfile.from(key, json).card()))
                                .onErrorResume(WebClientResponseException.NotFound.class,
                                        e -> Mono.just(Optional.empty())))
                        .doOnNext(found -> kept.put(key, found))
                        // a failed read is not kept: the next page asks again (the breaker stops that asking
                        // when the directory is down)
                        .doFinally(signal -> reading.remove(key))
                        // one read shared by the pages that ask at once; it outlives a page giving up on it
                        // (cache() does not pass a subscriber's cancel on), so the next page finds it kept
                        .cache())
                .flatMap(Mono::justOrEmpty)
                .onErrorResume(e -> Mono.empty());
    }

    /** The id goes in as a URI variable, so it is one encoded path segment whatever it holds. */
    private Mono<JsonNode> read(String id, Duration timeout) {
        return campaigns.get()
                .uri(uri -> uri.path("/api/organisations/{id}").build(id))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(timeout);
    }
}
