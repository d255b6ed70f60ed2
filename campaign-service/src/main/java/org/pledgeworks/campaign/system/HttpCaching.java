package org.pledgeworks.campaign.system;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the public campaign API: a browser or the gateway revalidates with
 * {@code If-None-Match} and gets a 304 without the body. Shallow (a hash of the body) is enough
 * for documents this small, and needs no version bookkeeping.
 */
@Configuration(proxyBeanMethods = false)
class HttpCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
                new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/campaigns", "/api/campaigns/*");
        return registration;
    }
}
