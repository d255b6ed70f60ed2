package org.pledgeworks.kit.management;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** Turns a staff token into an authentication that has {@code ROLE_OPERATOR} when its holder is one. */
final class Operators implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLE = "OPERATOR";

    private final OperatorProperties properties;
    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

    Operators(OperatorProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        if (isOperator(jwt)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + ROLE));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    boolean isOperator(Jwt jwt) {
        return properties.isOperator(jwt.getClaim("roles") instanceof List<?> roles ? roles : List.of(),
                jwt.getClaim("organisations") instanceof Map<?, ?> organisations ? organisations : Map.of());
    }
}
