package org.pledgeworks.kit.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} of the current span, and a way to make a stored one current again.
 *
 * <p>Static on purpose: Micrometer Tracing's OpenTelemetry bridge keeps its current span in
 * OpenTelemetry's {@link Context}, so reading and restoring it needs no tracer bean, and the outbox's
 * constructors stay as every service calls them.
 */
public final class TraceParent {

    /** The W3C header (and the field of a stored event) that carries it. */
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParent() {
    }

    /** The current span as a {@code traceparent} value, or null when no span is current. */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The current span's trace id (32 hex digits), or null when no span is current. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /** The trace id inside a {@code traceparent} value, or null when it is not a valid one. */
    public static String traceIdOf(String traceparent) {
        SpanContext context = Span.fromContext(extract(traceparent)).getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /**
     * Makes the span a stored {@code traceparent} names the current one until the scope closes, so the
     * spans started meanwhile (a Kafka send's) are its children. A null or malformed value changes nothing.
     * Close the scope on the thread that opened it.
     */
    public static Scope resume(String traceparent) {
        Context stored = extract(traceparent);
        return Span.fromContext(stored).getSpanContext().isValid() ? stored.makeCurrent() : Scope.noop();
    }

    private static Context extract(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        // from the root, not the current context: the stored request's trace replaces whatever this thread
        // is doing now (a sweep's own span)
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), GETTER);
    }
}
