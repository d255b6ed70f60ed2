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

/**
 * {@code GET /organisations/{id}}, an organisation's page to share, rendered here as the campaign page is, and
 * {@code GET /organisations}, the directory of them all.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationPages {

    /** What an id can look like; anything else cannot be an organisation and gets the 404 page without a call. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");

    /** As long as campaign-service lets its profile be cached. */
    private static final CacheControl PUBLIC_MINUTE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    /** Organisations on one page of the directory: a coalition of 33 fits, as campaign-service allows up to 100. */
    static final int DIRECTORY_PAGE_SIZE = 50;

    /** The last page the directory answers: campaign-service refuses a page beyond 10,000. */
    private static final int LAST_PAGE = 10_000;

    private static final Pattern PAGE = Pattern.compile("[1-9][0-9]{0,4}");

    @Bean
    RouterFunction<ServerResponse> organisationPage(OrganisationReads reads, OrganisationPageRenderer renderer,
            OrganisationDirectoryRenderer directoryRenderer) {
        return RouterFunctions.route(GET("/organisations/{id}"), request -> page(request, reads, renderer))
                .andRoute(GET("/organisations"), request -> directory(request, reads, directoryRenderer));
    }

    /**
     * The directory, {@code ?page=} counting from 1. A page that cannot exist ({@code ?page=0}, {@code ?page=x},
     * past the last organisation) is the 404 page, so a crawler following a stale link stops there.
     */
    private static Mono<ServerResponse> directory(ServerRequest request, OrganisationReads reads,
            OrganisationDirectoryRenderer renderer) {
        String asked = request.queryParam("page").orElse("1");
        if (!PAGE.matcher(asked).matches() || Integer.parseInt(asked) - 1 > LAST_PAGE) {
            return CampaignPages.html(HttpStatus.NOT_FOUND, ErrorPages.notFound());
        }
        int page = Integer.parseInt(asked) - 1;
        return reads.directory(page, DIRECTORY_PAGE_SIZE).flatMap(read -> {
            if (read.isEmpty()) {
                return CampaignPages.html(HttpStatus.SERVICE_UNAVAILABLE, ErrorPages.unavailable());
            }
            OrganisationDirectory directory = read.get();
            if (page > 0 && directory.organisations().isEmpty()) {
                return CampaignPages.html(HttpStatus.NOT_FOUND, ErrorPages.notFound());
            }
            ImageSources.allow(request.exchange().getResponse(),
                    directory.organisations().stream().map(o -> Html.httpsUrl(o.logoUrl())).toList());
            return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(PUBLIC_MINUTE)
                    .bodyValue(renderer.render(directory));
        });
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
