package org.pledgeworks.gateway.pages;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.pledgeworks.gateway.pages.EngagementReads.Found;
import org.pledgeworks.gateway.pages.EngagementReads.Missing;
import org.pledgeworks.gateway.pages.EngagementReads.Outcome;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * {@code GET /events/{id}} and {@code GET /opportunities/{id}}, an event's and a volunteer opportunity's pages
 * to share, rendered here as the campaign page is, naming the organisation from the directory
 * ({@link OrganisationReads}, its id when the directory does not answer in time).
 */
@Configuration(proxyBeanMethods = false)
class EngagementPages {

    /** What an id can look like; anything else cannot be one and gets the 404 page without a call. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");

    /** As long as campaign-service lets its records be cached. */
    private static final CacheControl PUBLIC_MINUTE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    @Bean
    RouterFunction<ServerResponse> eventAndOpportunityPages(EngagementReads reads, OrganisationReads organisations,
            EngagementPageRenderer renderer) {
        return RouterFunctions
                .route(GET("/events/{id}"), request -> page(request, reads::event, EventListing::organiser,
                        renderer::event, ErrorPages::eventNotFound, organisations))
                .andRoute(GET("/opportunities/{id}"), request -> page(request, reads::opportunity,
                        OpportunityListing::organisation, renderer::opportunity, ErrorPages::opportunityNotFound,
                        organisations));
    }

    private static <T> Mono<ServerResponse> page(ServerRequest request, Function<String, Mono<Outcome<T>>> read,
            Function<T, String> organisation, BiFunction<T, Map<String, OrganisationProfile>, String> render,
            Supplier<String> notFound, OrganisationReads organisations) {
        String id = request.pathVariable("id");
        if (!ID.matcher(id).matches()) {
            return CampaignPages.html(HttpStatus.NOT_FOUND, notFound.get());
        }
        return read.apply(id).flatMap(outcome -> {
            if (outcome instanceof Found<T> found) {
                String by = organisation.apply(found.found());
                return organisations.cards(by == null ? List.of() : List.of(by))
                        .flatMap(named -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                                .cacheControl(PUBLIC_MINUTE).bodyValue(render.apply(found.found(), named)));
            }
            return outcome instanceof Missing ? CampaignPages.html(HttpStatus.NOT_FOUND, notFound.get())
                    : CampaignPages.html(HttpStatus.SERVICE_UNAVAILABLE, ErrorPages.unavailable());
        });
    }
}
