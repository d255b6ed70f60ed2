package org.pledgeworks.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Confirms each soak pledge as its signer would: reads its verification mail from the mail catcher and
 * POSTs the link's path through the gateway ({@code POST /verify/{token}}, JSON: a GET confirms nothing).
 * The catcher numbers mails 1, 2, 3… and keeps only its newest 2,000, so this follows the numbers one by
 * one ({@code GET /api/messages/{n}}) rather than re-reading the whole inbox every few seconds for an
 * hour; a number still missing while a later one is there is waited for a few rounds (a mail being
 * parsed), then counted as lost to the catcher's capacity and passed. A confirmation that gets no
 * answer is sent again (confirming twice answers "verified" twice), up to {@link #ATTEMPTS} times: on a
 * loaded machine a timeout says nothing about whether the first one was stored, and the check at the
 * end needs to know.
 */
final class SoakConfirmations implements AutoCloseable {

    private static final int GAP_ROUNDS = 5;
    private static final int ATTEMPTS = 5;

    private final HttpClient client = SoakSigning.client();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-soak-confirm");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inFlight = new Semaphore(16);
    private final URI inbox;
    private final String base;
    private final SoakSigning signing;
    private final Set<String> mailed = ConcurrentHashMap.newKeySet();
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final StatusCounts refused = new StatusCounts();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong otherMails = new AtomicLong();
    private final AtomicLong passedOver = new AtomicLong();
    private long next = 1;
    private int gapRounds;

    /** {@code inbox} is the catcher's {@code /api/messages}. */
    SoakConfirmations(URI inbox, String base, SoakSigning signing) {
        this.inbox = inbox;
        this.base = base;
        this.signing = signing;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::round, 2, 2, TimeUnit.SECONDS);
    }

    /** Addresses of this soak whose verification mail arrived. */
    Set<String> mailed() {
        return Set.copyOf(mailed);
    }

    /** Addresses whose confirmation was answered 200 "verified". */
    Set<String> confirmed() {
        return Set.copyOf(confirmed);
    }

    /** Addresses whose confirmation got no answer in {@link #ATTEMPTS} tries: verified or not, nobody knows. */
    Set<String> unanswered() {
        return Set.copyOf(unanswered);
    }

    /** Confirmations that were answered, or given up, so far. */
    long answered() {
        return confirmed.size() + unanswered.size() + refused.total();
    }

    private void round() {
        boolean holding = false;
        try {
            // never blocks for a permit: this thread also sends the retries that give permits back
            while (inFlight.tryAcquire()) {
                holding = true;
                HttpResponse<String> mail = get(inbox.resolve("messages/" + next));
                if (mail.statusCode() == 200) {
                    JsonNode message = RunReport.JSON.readTree(mail.body());
                    next++;
                    gapRounds = 0;
                    holding = false;
                    handle(message);
                    continue;
                }
                inFlight.release();
                holding = false;
                if (mail.statusCode() == 404 && get(inbox.resolve("messages/" + (next + 1))).statusCode() == 200
                        && ++gapRounds > GAP_ROUNDS) {
                    passedOver.incrementAndGet();
                    next++;
                    gapRounds = 0;
                } else {
                    return;
                }
            }
        } catch (IOException e) {
            Console.say("    soak: inbox unreadable for a moment: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Console.say("    soak: confirmation round failed: " + e);
        } finally {
            if (holding) {
                inFlight.release();
            }
        }
    }

    /** Holds a permit: gives it back unless it confirms. */
    private void handle(JsonNode message) {
        String link = null;
        for (JsonNode l : message.path("links")) {
            if (l.asText().contains("/verify/")) {
                link = l.asText();
                break;
            }
        }
        String to = message.path("to").path(0).asText("").toLowerCase(Locale.ROOT);
        if (link == null || !signing.ours(to)) {
            inFlight.release();
            otherMails.incrementAndGet();
            return;
        }
        mailed.add(to);
        confirm(to, URI.create(base + URI.create(link).getRawPath()), 1);
    }

    /** Holds its in-flight permit through the retries. */
    private void confirm(String to, URI link, int attempt) {
        HttpRequest confirm = HttpRequest.newBuilder(link).timeout(SoakSigning.TIMEOUT)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
        client.sendAsync(confirm, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null && attempt < ATTEMPTS && !timer.isShutdown()) {
                retries.incrementAndGet();
                timer.schedule(() -> confirm(to, link, attempt + 1), 5, TimeUnit.SECONDS);
                return;
            }
            inFlight.release();
            if (failure != null) {
                unanswered.add(to);
            } else if (response.statusCode() == 200) {
                confirmed.add(to);
            } else {
                refused.add(response.statusCode());
            }
        });
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(SoakSigning.TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    ObjectNode figures() {
        ObjectNode node = RunReport.JSON.createObjectNode();
        node.put("verificationMailsSeen", mailed.size());
        node.put("confirmed", confirmed.size());
        refused.writeTo(node, "refusedByStatus");
        node.put("retriedAfterNoAnswer", retries.get());
        node.put("unansweredAfter" + ATTEMPTS + "Attempts", unanswered.size());
        node.put("otherMails", otherMails.get());
        node.put("mailsPassedOver", passedOver.get());
        return node;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
