package org.pledgeworks.kit.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What a chain authenticated by bearer tokens turns off: no session (each request carries its token),
 * no CSRF token (no cookie authenticates anything, so no other site can ride on one), no saved request,
 * no login form, no basic authentication.
 */
public final class BearerTokenApi {

    private BearerTokenApi() {
    }

    public static HttpSecurity stateless(HttpSecurity http) {
        return http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
    }
}
