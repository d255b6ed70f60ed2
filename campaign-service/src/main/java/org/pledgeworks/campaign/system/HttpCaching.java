package org.pledgeworks.campaign.system;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the public campaign API and the partner directory: a browser or the gateway revalidates with
 * {@code If-None-Match} and gets a 304 without the body. Shallow (a hash of the body) is enough
 * for documents this small, and needs no version bookkeeping.
 */
@Configuration(proxyBeanMethods = false)
public class HttpCaching {

    /**
     * How long browsers and shared caches may keep a public read of a campaign's card, updates or
     * opportunities or events, or of the partner directory.
     */
    public static final CacheControl PUBLIC_MINUTE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
                new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/campaigns", "/api/campaigns/*", "/api/events/*", "/api/organisations",
                "/api/organisations/*");
        return registration;
    }
}
