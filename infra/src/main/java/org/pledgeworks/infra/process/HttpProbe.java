package org.pledgeworks.infra.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Ready when a GET answers 200, e.g. a Spring Boot readiness group or the mail catcher's /health. */
public final class HttpProbe implements Probe {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final URI uri;

    public HttpProbe(URI uri) {
        this.uri = uri;
    }

    @Override
    public boolean isReady() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        HttpResponse<Void> response = CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return true;
    }

    @Override
    public String target() {
        return uri.toString();
    }
}
