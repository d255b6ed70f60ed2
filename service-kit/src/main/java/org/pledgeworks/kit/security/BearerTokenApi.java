package org.pledgeworks.kit.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What a chain authenticated by bearer tokens turns off: no session (each request carries its token),
 * no CSRF token (no cookie authenticates anything, so no other site can ride on one), no saved request,
 * no login form, no basic authentication.
 */
public final class BearerTokenApi {

    private BearerTokenApi() {
    }

    /**
     * The chain of every service's API: {@code /api/staff/**} needs a staff token (checked by the
     * service's {@code JwtDecoder}, service-kit's {@link StaffTokenDecoder}), what else is open is the
     * service's to say in {@code everythingElse}. {@code /actuator/**} never reaches it: kit/management
     * locks that first (operators only, but for the probes, info and metrics).
     */
    public static HttpSecurity staffApi(HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> everythingElse) {
        http.authorizeHttpRequests(requests -> everythingElse.customize(
                        requests.requestMatchers("/api/staff/**").authenticated()))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()));
        return stateless(http);
    }

    public static HttpSecurity stateless(HttpSecurity http) {
        return http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable());
    }
}
