package org.pledgeworks.gateway.staff;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Active only on the embedded default, when no OIDC issuer is configured. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnExpression("'${pledgeworks.gateway.auth.issuer-uri:}'.isBlank()")
@interface IssuesTokens {
}
