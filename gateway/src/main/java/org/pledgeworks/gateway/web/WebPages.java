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
 * The two addresses that are not file names: the home page {@code /} and the staff console {@code /staff/}
 * (Boot's welcome page would read {@code index.html} from the jar on every request; these come from memory).
 */
@Configuration(proxyBeanMethods = false)
class WebPages {

    @Bean
    RouterFunction<ServerResponse> homeAndStaffConsole(StaticFiles files) {
        Resource home = files.page("index.html");
        Resource console = files.page("staff/index.html");
        return RouterFunctions.route(GET("/"), request -> html(home))
                .andRoute(GET("/staff/"), request -> html(console))
                .andRoute(GET("/staff"), request -> ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
                        .location(URI.create("/staff/")).build());
    }

    private static reactor.core.publisher.Mono<ServerResponse> html(Resource page) {
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(page);
    }
}
