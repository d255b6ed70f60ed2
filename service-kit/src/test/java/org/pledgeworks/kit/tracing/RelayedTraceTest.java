package org.pledgeworks.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pledgeworks.kit.outbox.EventSerializer;
import org.pledgeworks.kit.outbox.OutboxRelay;
import org.pledgeworks.kit.outbox.OutboxRelay.OutboxSettings;
import org.pledgeworks.kit.outbox.PendingEvent;
import org.pledgeworks.kit.testing.TestClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * An event stored while a request is traced, and relayed later by another thread inside a span of its
 * own (as the outbox sweep runs, observed like every scheduled task): its record carries the request's
 * trace, and a listener's span started from that record continues it. The tracer, its propagation and the
 * Kafka observation are the ones the services run (Micrometer Tracing on OpenTelemetry, W3C).
 */
class RelayedTraceTest {

    private static final String COLLECTION = "signatures";

    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = tracerProvider.get("test");
    private final ContextPropagators propagators = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
    private final OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
    private final Tracer tracer = new OtelTracer(otelTracer, currentTraceContext, event -> {
    }, new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
    private final OtelPropagator propagator = new OtelPropagator(propagators, otelTracer);
    private final ObservationRegistry observations = ObservationRegistry.create();

    private final MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
            new StringSerializer());
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor();

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> documents;
    private OutboxRelay relay;
    private EventSerializer serializer;

    @BeforeEach
    void setUp() {
        observations.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        MongoDatabase database = client.getDatabase("relayed-trace");
        documents = database.getCollection(COLLECTION);

        ProducerFactory<String, String> factory = () -> producer;
        KafkaTemplate<String, String> template = new KafkaTemplate<>(factory);
        template.setObservationEnabled(true);
        template.setObservationRegistry(observations);
        relay = new OutboxRelay(database, template,
                new OutboxSettings("/relayed-trace", List.of(COLLECTION), Duration.ofSeconds(5)), TestClock.clock());
        serializer = new EventSerializer(JsonMapper.builder().build(), TestClock.clock());
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        relayThread.shutdown();
        relayThread.awaitTermination(5, TimeUnit.SECONDS);
        relay.destroy();
        client.close();
        server.shutdownNow();
        tracerProvider.close();
    }

    @Test
    void aConsumerOfARelayedEventContinuesTheTraceOfTheRequestThatStoredIt() throws Exception {
        Span request = tracer.nextSpan().name("POST /api/campaigns/{slug}/pledges").start();
        try (Tracer.SpanInScope inRequest = tracer.withSpan(request)) {
            store("sig-1", serializer.pending("pledges", "pledge-signed.v1", "sig-1", UUID.randomUUID(),
                    new Signed("sig-1")));
        }
        finally {
            request.end();
        }

        ProducerRecord<String, String> sent = relayInSweepSpan("sig-1");

        String traceparent = header(sent, TraceParent.HEADER);
        assertThat(TraceParent.traceIdOf(traceparent)).isEqualTo(request.context().traceId());
        // the template's producer span, a child of the request's: not the request's span itself
        assertThat(traceparent).doesNotContain(request.context().spanId());
        assertThat(consumedTraceId(sent)).isEqualTo(request.context().traceId());
        assertThat(documents.find().first().getList(PendingEvent.FIELD, Document.class)).isEmpty();
    }

    @Test
    void aStoredEventKeepsTheTraceOfTheRequestThatCausedIt() throws Exception {
        Span request = tracer.nextSpan().name("request").start();
        PendingEvent event;
        try (Tracer.SpanInScope inRequest = tracer.withSpan(request)) {
            event = serializer.pending("pledges", "pledge-signed.v1", "sig-2", UUID.randomUUID(), new Signed("sig-2"));
        }
        finally {
            request.end();
        }

        Document stored = event.toDocument();

        assertThat(stored.getString("traceparent")).contains(request.context().traceId());
        assertThat(PendingEvent.fromDocument(stored).traceparent()).isEqualTo(event.traceparent());
    }

    @Test
    void anEventStoredOutsideAnyTraceIsSentInTheRelaysOwn() throws Exception {
        PendingEvent untraced = serializer.pending("pledges", "pledge-signed.v1", "sig-3", UUID.randomUUID(),
                new Signed("sig-3"));
        store("sig-3", untraced);

        assertThat(untraced.traceparent()).isNull();
        assertThat(untraced.toDocument()).doesNotContainKey("traceparent");
        ProducerRecord<String, String> sent = relayInSweepSpan("sig-3");
        assertThat(TraceParent.traceIdOf(header(sent, TraceParent.HEADER))).isEqualTo(lastSweepTraceId);
    }

    private String lastSweepTraceId;

    private record Signed(String signatureId) {
    }

    private void store(String id, PendingEvent event) {
        documents.insertOne(new Document("_id", id).append(PendingEvent.FIELD, List.of(event.toDocument())));
    }

    /** Reads the pending events back and publishes them from another thread, inside a span of that thread. */
    private ProducerRecord<String, String> relayInSweepSpan(String id) throws Exception {
        CompletableFuture<Void> relayed = CompletableFuture.supplyAsync(() -> {
            Span sweep = tracer.nextSpan().name("outbox sweep").start();
            lastSweepTraceId = sweep.context().traceId();
            try (Tracer.SpanInScope inSweep = tracer.withSpan(sweep)) {
                List<PendingEvent> pending = documents.find(new Document("_id", id)).first()
                        .getList(PendingEvent.FIELD, Document.class).stream().map(PendingEvent::fromDocument).toList();
                return relay.publish(COLLECTION, id, pending);
            }
            finally {
                sweep.end();
            }
        }, relayThread).thenCompose(publish -> publish);
        relayed.get(10, TimeUnit.SECONDS);
        assertThat(producer.history()).hasSize(1);
        return producer.history().get(0);
    }

    /** The trace id of the span a listener's observation starts for this record, as the containers do. */
    private String consumedTraceId(ProducerRecord<String, String> sent) {
        ConsumerRecord<String, String> received = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(h -> received.headers().add(h));
        KafkaRecordReceiverContext context = new KafkaRecordReceiverContext(received, "listener", "client",
                "group", () -> "cluster");
        Observation consume = Observation.start("spring.kafka.listener", () -> context, observations);
        try (Observation.Scope scope = consume.openScope()) {
            return tracer.currentSpan().context().traceId();
        }
        finally {
            consume.stop();
        }
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
