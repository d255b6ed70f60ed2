package org.pledgeworks.campaign.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: says that staff paths take the gateway's bearer JWT. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String STAFF_JWT = "staff-jwt";

    @Bean
    OpenAPI campaignServiceOpenApi() {
        return new OpenAPI()
                .info(new Info().title("campaign-service").version("1")
                        .description("Campaigns, pledge text versions, progress cards, updates and milestones. "
                                + "Paths under /api/staff need a staff JWT from the gateway."))
                .components(new Components().addSecuritySchemes(STAFF_JWT, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OpenApiCustomizer staffPathsNeedAToken() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/staff/")) {
                item.readOperations().forEach(operation -> operation.addSecurityItem(
                        new SecurityRequirement().addList(STAFF_JWT)));
            }
        });
    }
}
