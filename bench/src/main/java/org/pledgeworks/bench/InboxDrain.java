package org.pledgeworks.bench;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Empties the mail catcher every 10 s while the ramps and the steady run send it a mail per pledge:
 * it keeps what it receives in memory. Stopped before the mail run, which reads the inbox itself.
 */
final class InboxDrain {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-inbox-drain");
        thread.setDaemon(true);
        return thread;
    });

    void start(StackHttp http, URI inbox) {
        timer.scheduleWithFixedDelay(() -> http.delete(inbox), 10, 10, TimeUnit.SECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }
}
