package org.pledgeworks.kit.tracing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;

/** The {@link RequestLog} in every servlet service that has the kit. */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequestLog requestLog() {
        return new RequestLog();
    }
}
