package org.pledgeworks.kit.management;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is an operator: a staff token whose {@code organisations} claim makes its holder {@code admin}
 * of one of {@code organisations} (the gateway's own tokens), or whose {@code roles} claim holds
 * {@code operator} (an OIDC issuer that maps a group to it).
 *
 * @param organisations the organisations whose admins run the platform; none: only the {@code roles} claim counts
 */
@ConfigurationProperties("pledgeworks.operators")
public record OperatorProperties(@DefaultValue List<String> organisations) {

    /**
     * The rule, written once for the management lock ({@link Operators}) and for the features that act for
     * the whole platform (campaign-service's creating an organisation): {@code platformRoles} (the
     * {@code roles} claim) holds {@code operator}, or {@code organisationRoles} (organisation id to role, as
     * the {@code organisations} claim) makes the holder {@code admin} of one of {@link #organisations}.
     */
    public boolean isOperator(Collection<?> platformRoles, Map<?, ?> organisationRoles) {
        return platformRoles.contains("operator")
                || organisations.stream().anyMatch(organisation -> "admin".equals(organisationRoles.get(organisation)));
    }
}
