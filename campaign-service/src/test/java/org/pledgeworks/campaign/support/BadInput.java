package org.pledgeworks.campaign.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

/**
 * One bad request of a bad-input test, and what must come of it: 400, problem details, and each of
 * {@code fields} named in its {@code errors}. A body that is a {@code String} is sent as it is (broken
 * JSON on purpose); any other body as JSON.
 *
 * @param path the request path, with placeholders the test fills in before sending
 */
public record BadInput(String name, String method, String path, Object body, List<String> fields) {

    /** Sends it to the service under test at {@code path} with {@code token}, and checks the answer. */
    public void assertRefusedBy(ServiceIT service, String path, String token) {
        HttpResponse<String> response = switch (method) {
            case "GET" -> service.get(path, token);
            case "PUT" -> service.put(path, token, body);
            default -> service.post(path, token, body);
        };

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(service.read(response).get("errors").findValuesAsString("field")).as(response.body())
                .containsAll(fields);
    }

    @Override
    public String toString() {
        return name;
    }
}
