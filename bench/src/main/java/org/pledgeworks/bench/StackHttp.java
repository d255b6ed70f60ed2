package org.pledgeworks.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The harness's own HTTP calls to the stack, outside the load (readiness, metrics, the mail catcher's
 * inbox). A failed call is an answer here, not an exception: the step that asked decides what it means.
 */
final class StackHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI web;

    StackHttp(URI web) {
        this.web = web;
    }

    /** The gateway's base URL without its trailing slash, as the simulations want it. */
    String base() {
        return web.toString().replaceAll("/$", "");
    }

    /** The status of a GET through the gateway, -1 when there is no answer. */
    int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(web.resolve(path)).GET().timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The body of a 200, or nothing. */
    Optional<String> get(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The body whatever the status, for a caller that reports an unreadable answer itself. */
    String body(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    void delete(URI uri) {
        try {
            http.send(HttpRequest.newBuilder(uri).DELETE().timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the next round tries again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
