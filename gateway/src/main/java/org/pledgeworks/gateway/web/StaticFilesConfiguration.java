package org.pledgeworks.gateway.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * Serves {@code /**} from {@link StaticFiles} instead of Boot's default handler, which is switched off
 * ({@code spring.web.resources.add-mappings: false}). The pages and their scripts change with each release
 * and carry no version in their names: {@code no-cache}, so browsers revalidate every time (a cheap 304).
 */
@Configuration(proxyBeanMethods = false)
class StaticFilesConfiguration implements WebFluxConfigurer {

    private final StaticFiles files;

    StaticFilesConfiguration(StaticFiles files) {
        this.files = files;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new FromMemory(files));
    }

    /** Only ever answers with a file it holds: a path that is not one of them (../ included) is a 404. */
    private record FromMemory(StaticFiles files) implements ResourceResolver {

        @Override
        public Mono<Resource> resolveResource(ServerWebExchange exchange, String requestPath,
                List<? extends Resource> locations, ResourceResolverChain chain) {
            return Mono.justOrEmpty(files.file(requestPath));
        }

        @Override
        public Mono<String> resolveUrlPath(String resourceUrlPath, List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return Mono.justOrEmpty(files.file(resourceUrlPath).map(file -> resourceUrlPath));
        }
    }
}
