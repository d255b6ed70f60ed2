package org.pledgeworks.kit.management;

import java.util.List;

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
}
