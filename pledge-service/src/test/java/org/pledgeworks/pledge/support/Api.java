package org.pledgeworks.pledge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** The service's HTTP API as a browser or the gateway calls it. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> sign(String slug, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns/" + slug + "/pledges"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return get(pathOrUrl, "text/html");
    }

    public HttpResponse<String> get(String pathOrUrl, String accept) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base + pathOrUrl);
        return send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build());
    }

    /** Waits until the campaign copy from the campaigns topic has arrived. */
    public void awaitCampaign(String slug) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (get("/api/campaigns/" + slug + "/count", "application/json").statusCode() == 200) {
                return;
            }
            sleep();
        }
        throw new AssertionError("campaign " + slug + " never reached pledge-service");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
