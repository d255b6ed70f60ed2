/**
 * The benchmark harness (issue 7): starts the whole stack the way {@code ./pledgeworks up} does
 * (infra's {@code LocalStack}), drives it through the gateway with Gatling running in this JVM,
 * counts what arrived in MongoDB and on Kafka, and writes one small JSON file per run to
 * {@code bench/results/}. See docs/benchmarks.md for the method and the figures.
 */
package org.pledgeworks.bench;
