package org.pledgeworks.gateway.web;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The addresses that are not file names: the home page {@code /}, the staff console {@code /staff/} and the
 * pages of its mailed links ({@code /staff/invitation}, {@code /staff/password-reset})
 * (Boot's welcome page would read {@code index.html} from the jar on every request; these come from memory).
 */
@Configuration(proxyBeanMethods = false)
class WebPages {

    @Bean
    RouterFunction<ServerResponse> homeAndStaffConsole(StaticFiles files) {
        Resource home = files.page("index.html");
        Resource console = files.page("staff/index.html");
        Resource invitation = files.page("staff/invitation.html");
        Resource passwordReset = files.page("staff/password-reset.html");
        return RouterFunctions.route(GET("/"), request -> html(home))
                .andRoute(GET("/staff/"), request -> html(console))
                .andRoute(GET("/staff/invitation"), request -> linkPage(invitation))
                .andRoute(GET("/staff/password-reset"), request -> linkPage(passwordReset))
                .andRoute(GET("/staff"), request -> ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
                        .location(URI.create("/staff/")).build());
    }

    /**
     * The pages a mailed staff link opens: the link's token is in the fragment, which no request carries; still,
     * as kit LinkPage does for the services' link pages, nothing keeps them, refers from them or indexes them.
     */
    private static reactor.core.publisher.Mono<ServerResponse> linkPage(Resource page) {
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").header("X-Robots-Tag", "noindex").bodyValue(page);
    }

    private static reactor.core.publisher.Mono<ServerResponse> html(Resource page) {
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(page);
    }
}
