package org.pledgeworks.campaign.staff;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a staff endpoint take its caller as a {@link StaffMember} parameter, read from the token the
 * security chain has already checked, rather than every endpoint taking the JWT and converting it.
 */
@Configuration(proxyBeanMethods = false)
class StaffMemberArgument implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    static {
        // the caller, not a request parameter: not in the OpenAPI document
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(StaffMember.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == StaffMember.class;
    }

    @Override
    public StaffMember resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return StaffMember.from(jwt);
        }
        // the chain lets no call without a staff token reach /api/staff/**
        throw new IllegalStateException("No staff token for " + parameter.getExecutable().getName());
    }
}
