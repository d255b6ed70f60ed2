package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.pledgeworks.gateway.pages.CampaignReads.Found;
import org.pledgeworks.gateway.pages.CampaignReads.Missing;
import reactor.core.publisher.Mono;

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
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * {@code GET /campaigns/{slug}}, the campaign's address to share, rendered here; and
 * {@code /campaign.html?slug=...}, the old address of the script-filled page, moved there for good (301),
 * keeping its other parameters ({@code utm_*} of links already out in mail and posts).
 */
@Configuration(proxyBeanMethods = false)
class CampaignPages {

    /** What a slug can look like; anything else cannot be a campaign and gets the 404 page without a call. */
    static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,199}");

    /** As long as the campaign's own JSON may be cached (campaign-service's {@code max-age}). */
    private static final CacheControl PUBLIC_SHORT = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();

    @Bean
    RouterFunction<ServerResponse> campaignPage(CampaignReads reads, CampaignPageRenderer renderer) {
        return RouterFunctions.route(GET("/campaigns/{slug}"), request -> page(request, reads, renderer))
                .andRoute(GET("/campaign.html"), CampaignPages::moved);
    }

    private static Mono<ServerResponse> page(ServerRequest request, CampaignReads reads, CampaignPageRenderer renderer) {
        String slug = request.pathVariable("slug");
        if (!SLUG.matcher(slug).matches()) {
            return html(HttpStatus.NOT_FOUND, ErrorPages.campaignNotFound());
        }
        String language = request.headers().firstHeader(HttpHeaders.ACCEPT_LANGUAGE);
        return reads.campaign(slug, language).flatMap(outcome -> {
            if (outcome instanceof Found found) {
                CampaignPageData data = found.data();
                List<String> images = new ArrayList<>(OrganisationLinks.logos(data.organisations()));
                images.addAll(data.endorsers().logos());
                images.add(CampaignPageRenderer.httpsImage(data.campaign()));
                ImageSources.allow(request.exchange().getResponse(), images);
                return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(PUBLIC_SHORT)
                        .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
                        .headers(h -> {
                            if (data.campaign().locale() != null) {
                                h.set(HttpHeaders.CONTENT_LANGUAGE, data.campaign().locale());
                            }
                        })
                        .bodyValue(renderer.render(data, LinkTags.from(request.queryParams())));
            }
            return outcome instanceof Missing ? html(HttpStatus.NOT_FOUND, ErrorPages.campaignNotFound())
                    : html(HttpStatus.SERVICE_UNAVAILABLE, ErrorPages.unavailable());
        });
    }

    private static Mono<ServerResponse> moved(ServerRequest request) {
        String slug = request.queryParam("slug").map(String::strip).orElse("");
        if (slug.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, ErrorPages.campaignNotFound());
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromPath("/campaigns/{slug}");
        request.queryParams().forEach((name, values) -> {
            if (!name.equals("slug")) {
                target.queryParam(name, values.toArray());
            }
        });
        URI location = target.encode().buildAndExpand(slug).toUri();
        return ServerResponse.status(HttpStatus.MOVED_PERMANENTLY).location(location).build();
    }

    static Mono<ServerResponse> html(HttpStatus status, String page) {
        ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore());
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response.bodyValue(page);
    }
}
