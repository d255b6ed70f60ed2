package org.pledgeworks.kit.deadletters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * {@code pledgeworks.deadletters.pending{topic}}: records of each dead-letter topic not yet replayed.
 * Read from the broker on a thread of its own every {@code refreshInterval}, never during a scrape (a
 * broker that is away would hold the scrape); the gauge is NaN until the first reading and keeps the
 * last one while the broker is away. Every instance of every service that writes a topic reports it:
 * the alert takes the largest.
 */
class DeadLetterGauges implements MeterBinder, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterGauges.class);

    private final DeadLetters deadLetters;
    private final DeadLetterProperties properties;
    private final Map<String, AtomicReference<Double>> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    DeadLetterGauges(DeadLetters deadLetters, DeadLetterProperties properties) {
        this.deadLetters = deadLetters;
        this.properties = properties;
        properties.topics().forEach(topic -> pending.put(topic, new AtomicReference<>(Double.NaN)));
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        pending.forEach((topic, value) -> Gauge.builder("pledgeworks.deadletters.pending", value, AtomicReference::get)
                .tag("topic", topic).description("Records in a dead-letter topic not yet replayed").register(meters));
    }

    void refresh() {
        pending.forEach((topic, value) -> {
            try {
                value.set((double) deadLetters.count(topic).pending());
            }
            catch (RuntimeException e) {
                log.debug("Dead letters of {} not counted: {}", topic, e.toString());
            }
        });
    }

    @Override
    public synchronized void start() {
        if (pending.isEmpty()) {
            return;
        }
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-gauges");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refresher != null;
    }
}
