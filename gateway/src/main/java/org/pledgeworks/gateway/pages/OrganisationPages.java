package org.pledgeworks.gateway.pages;

import java.time.Duration;
import java.util.Collections;
import java.util.regex.Pattern;

import org.pledgeworks.gateway.pages.OrganisationReads.Found;
import org.pledgeworks.gateway.pages.OrganisationReads.Missing;
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

/** {@code GET /organisations/{id}}, an organisation's page to share, rendered here as the campaign page is. */
@Configuration(proxyBeanMethods = false)
class OrganisationPages {

    /** What an id can look like; anything else cannot be an organisation and gets the 404 page without a call. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");

    /** As long as campaign-service lets its profile be cached. */
    private static final CacheControl PUBLIC_MINUTE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    @Bean
    RouterFunction<ServerResponse> organisationPage(OrganisationReads reads, OrganisationPageRenderer renderer) {
        return RouterFunctions.route(GET("/organisations/{id}"), request -> page(request, reads, renderer));
    }

    private static Mono<ServerResponse> page(ServerRequest request, OrganisationReads reads,
            OrganisationPageRenderer renderer) {
        String id = request.pathVariable("id");
        if (!ID.matcher(id).matches()) {
            return CampaignPages.html(HttpStatus.NOT_FOUND, ErrorPages.organisationNotFound());
        }
        return reads.profile(id).flatMap(outcome -> {
            if (outcome instanceof Found found) {
                ImageSources.allow(request.exchange().getResponse(),
                        Collections.singletonList(Html.httpsUrl(found.profile().logoUrl())));
                return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(PUBLIC_MINUTE)
                        .bodyValue(renderer.render(found.profile()));
            }
            return outcome instanceof Missing ? CampaignPages.html(HttpStatus.NOT_FOUND, ErrorPages.organisationNotFound())
                    : CampaignPages.html(HttpStatus.SERVICE_UNAVAILABLE, ErrorPages.unavailable());
        });
    }
}
