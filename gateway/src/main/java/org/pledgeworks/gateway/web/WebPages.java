package org.pledgeworks.gateway.web;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/** The staff console's own address, {@code /staff/}: static resources only know {@code /} as a welcome page. */
@Configuration(proxyBeanMethods = false)
class WebPages {

    private static final Resource CONSOLE = new ClassPathResource("static/staff/index.html");

    @Bean
    RouterFunction<ServerResponse> staffConsole() {
        return RouterFunctions.route(GET("/staff/"), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(CONSOLE))
                .andRoute(GET("/staff"), request -> ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
                        .location(URI.create("/staff/")).build());
    }
}
