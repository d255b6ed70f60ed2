package org.pledgeworks.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.GatewayITSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The web pages' files come from memory: exact bytes, media types, revalidation, and nothing else. */
class StaticFilesIT extends GatewayITSupport {

    @Autowired
    StaticFiles files;

    @Test
    void everyFileUnderStaticIsHeldAndServedByteForByte() throws IOException {
        assertThat(files.count()).as("files under static/").isGreaterThanOrEqualTo(10);
        for (String path : List.of("favicon.svg", "css/app.css", "js/campaign.js", "index.html", "staff/index.html")) {
            byte[] served = client.get().uri("/" + path).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("Cache-Control", "no-cache")
                    .expectBody().returnResult().getResponseBodyContent();
            assertThat(served).as(path).isEqualTo(classpath("static/" + path));
        }
        client.get().uri("/favicon.svg").exchange().expectHeader().contentTypeCompatibleWith(new MediaType("image", "svg+xml"));
        client.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody().consumeWith(r -> assertThat(r.getResponseBody()).isEqualTo(classpath("static/index.html")));
    }

    @Test
    void aBrowserRevalidatingGetsA304() {
        String lastModified = client.get().uri("/js/index.js").exchange().expectStatus().isOk()
                .returnResult(byte[].class).getResponseHeaders().getFirst("Last-Modified");
        assertThat(lastModified).isNotBlank();

        client.get().uri("/js/index.js").header("If-Modified-Since", lastModified).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void onlyTheFilesThemselvesAreThere() {
        for (String path : List.of("/nothing-here.js", "/js/", "/static/index.html", "/application.yml",
                "/%2e%2e/application.yml", "/js/%2e%2e/%2e%2e/application.yml",
                "/org/pledgeworks/gateway/GatewayApplication.class")) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + path)).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isIn(400, 404));
        }
    }

    @Test
    void manyConcurrentRequestsAllGetTheWholeFile() throws Exception {
        byte[] favicon = classpath("static/favicon.svg");
        byte[] script = classpath("static/js/campaign.js"); // the largest script
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String path = i % 2 == 0 ? "/favicon.svg" : "/js/campaign.js";
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (int i = 0; i < responses.size(); i++) {
            HttpResponse<byte[]> response = responses.get(i).get();
            assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(response.body()).as("request %d", i).isEqualTo(i % 2 == 0 ? favicon : script);
        }
    }

    private static byte[] classpath(String path) {
        try (InputStream in = StaticFilesIT.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
