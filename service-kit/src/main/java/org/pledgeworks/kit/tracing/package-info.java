/**
 * The trace context where a thread cannot carry it: an event stored now and relayed later from another
 * thread keeps the W3C {@code traceparent} of the request that caused it, so the consumer's span continues
 * the same trace. Written against the OpenTelemetry context that Micrometer Tracing's OpenTelemetry bridge
 * keeps current, so nothing needs wiring; without a tracer there is no current span and nothing is stored.
 */
package org.pledgeworks.kit.tracing;
