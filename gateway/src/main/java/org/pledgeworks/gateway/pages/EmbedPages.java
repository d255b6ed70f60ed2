package org.pledgeworks.gateway.pages;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * {@code GET /embed/{slug}}: a campaign's counter and sign form for partners' sites, framed only by the sites
 * its staff named (campaign-service's {@code /api/campaigns/{slug}/embed}); an unknown or unreadable campaign
 * gets the usual error pages, which no one may frame.
 */
@Configuration(proxyBeanMethods = false)
class EmbedPages {

    /** As the campaign page: the count inside is polled live by the script anyway. */
    private static final CacheControl PUBLIC_SHORT = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    @Bean
    RouterFunction<ServerResponse> embedPage(CampaignReads reads, EmbedPageRenderer renderer) {
        return RouterFunctions.route(GET("/embed/{slug}"), request -> page(request, reads, renderer));
    }

    private static Mono<ServerResponse> page(ServerRequest request, CampaignReads reads, EmbedPageRenderer renderer) {
        String slug = request.pathVariable("slug");
        if (!CampaignPages.SLUG.matcher(slug).matches()) {
            return CampaignPages.html(HttpStatus.NOT_FOUND, ErrorPages.campaignNotFound());
        }
        return reads.embed(slug, request.headers().firstHeader(HttpHeaders.ACCEPT_LANGUAGE))
                .flatMap(found -> found.map(embed -> {
                    FrameAncestors.allow(request.exchange().getResponse(), embed.origins());
                    return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(PUBLIC_SHORT)
                            .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
                            .bodyValue(renderer.render(embed.campaign(), embed.count(),
                                    LinkTags.from(request.queryParams())));
                }).orElseGet(() -> CampaignPages.html(HttpStatus.NOT_FOUND, ErrorPages.campaignNotFound())))
                .onErrorResume(e -> CampaignPages.html(HttpStatus.SERVICE_UNAVAILABLE, ErrorPages.unavailable()));
    }
}
