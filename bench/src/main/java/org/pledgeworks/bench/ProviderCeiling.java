package org.pledgeworks.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the {@link ProviderFake} accepts per second when the harness alone sends to it: the ceiling of
 * "fake + a client on the same cores", the denominator of the fan-out's {@code ratioToFakeAlone}.
 */
final class ProviderCeiling {

    private final ProviderFake fake;
    private final String publicBase;

    ProviderCeiling(ProviderFake fake, String publicBase) {
        this.fake = fake;
        this.publicBase = publicBase;
    }

    /**
     * Blasts the fake with batches of 500 mails of the size notification-service sends (four client
     * threads, each one call at a time, for {@code duration}); accepted/s is the ceiling of the fake
     * together with a client on the same cores, the denominator of the fan-out ratio.
     */
    ObjectNode measure(Duration duration, int threads) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI endpoint = URI.create("http://127.0.0.1:" + fake.port() + "/v1/messages/batch");
        String message = UUID.randomUUID().toString();
        String text = "Hello there,\\n\\n" + "Three brands answered our letter. ".repeat(12) + "\\n\\nUnsubscribe: "
                + publicBase + "/unsubscribe?t=" + "x".repeat(120);
        String html = "<p>Hello there,</p><p>" + "Three brands <strong>answered</strong> our letter. ".repeat(12)
                + "</p><p><a href=\\\"" + publicBase + "/unsubscribe?t=" + "x".repeat(120) + "\\\">Unsubscribe</a></p>";
        AtomicLong counter = new AtomicLong();
        long until = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CpuMeter cpu = new CpuMeter();
        CpuMeter.Sample before = cpu.sample();
        List<Future<Long>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long failures = 0;
                while (System.nanoTime() < until) {
                    StringBuilder body = new StringBuilder(2_000 * ProviderFake.MAX_BATCH).append("{\"messages\":[");
                    for (int i = 0; i < ProviderFake.MAX_BATCH; i++) {
                        long n = counter.incrementAndGet();
                        if (i > 0) {
                            body.append(',');
                        }
                        body.append("{\"idempotencyKey\":\"").append(message).append(":campaign-update:r").append(n)
                                .append("\",\"from\":\"Pledgeworks <no-reply@pledgeworks.local>\",\"to\":\"c").append(n)
                                .append("@bench.pledgeworks.test\",\"subject\":\"Three brands answered\",\"text\":\"")
                                .append(text).append("\",\"html\":\"").append(html)
                                .append("\",\"headers\":{\"Message-ID\":\"<").append(n)
                                .append("@pledgeworks.local>\",\"List-Unsubscribe-Post\":\"List-Unsubscribe=One-Click\"}}");
                    }
                    body.append("]}");
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + FanOutStep.PROVIDER_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        failures++;
                    }
                }
                return failures;
            }));
        }
        long failures = 0;
        for (Future<Long> f : results) {
            failures += f.get();
        }
        pool.shutdown();
        CpuMeter.Usage usage = cpu.since(before);
        ProviderFake.Tally tally = fake.tally(message);
        ObjectNode node = RunReport.JSON.createObjectNode();
        node.put("method", threads + " client threads in the harness JVM, one call of 500 mails (~1.9 KB each) at a time"
                + " per thread, for " + duration.toSeconds() + " s; the client shares the cores with the fake");
        node.put("acceptedEmails", tally.accepted.get());
        node.put("emailsPerSecond", Math.round(tally.rate()));
        node.put("failedCalls", failures);
        node.put("harnessCpuShare", Math.round(usage.generatorShare() * 1000) / 1000.0);
        return node;
    }
}
