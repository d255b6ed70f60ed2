package org.pledgeworks.pledge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.pledgeworks.pledge.support.Api;
import org.pledgeworks.pledge.support.ServiceIT;

import org.springframework.boot.test.web.server.LocalServerPort;

class OpenApiIT extends ServiceIT {

    @LocalServerPort
    int port;

    @Test
    void theApiDescribesItselfAtV3ApiDocs() {
        HttpResponse<String> docs = new Api(port).get("/v3/api-docs", "application/json");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"").contains("/api/campaigns/{slug}/pledges")
                .contains("/api/campaigns/{slug}/pledges/resend").contains("/api/campaigns/{slug}/count")
                .contains("/api/pledges/data-requests").contains("/api/pledges/withdraw/{token}")
                .contains("/api/staff/pledges/campaigns/{slug}/quarantine");
    }
}
