package org.pledgeworks.pledge.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.pledgeworks.kit.testing.TestClock;

/** The service's HTTP API as a browser or the gateway calls it. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs from a fresh client address (as the gateway forwards it), clear of the per-IP limits. */
    public HttpResponse<String> sign(String slug, String body) {
        return signFrom(slug, body, randomIp());
    }

    public HttpResponse<String> signFrom(String slug, String body, String clientIp) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/campaigns/" + slug + "/pledges"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientIp + ", 10.0.0.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json), headers);
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return get(pathOrUrl, "text/html");
    }

    public HttpResponse<String> get(String pathOrUrl, String accept, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", accept).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A link from a mail (which points at the gateway) turned into a path on this service. */
    public static String pathOf(String url) {
        return URI.create(url).getRawPath();
    }

    /** Waits until the campaign copy from the campaigns topic has arrived. */
    public void awaitCampaign(String slug) {
        Instant deadline = TestClock.now().plusSeconds(20);
        while (TestClock.now().isBefore(deadline)) {
            if (get("/api/campaigns/" + slug + "/count", "application/json").statusCode() == 200) {
                return;
            }
            sleep();
        }
        throw new AssertionError("campaign " + slug + " never reached pledge-service");
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "203." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
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
