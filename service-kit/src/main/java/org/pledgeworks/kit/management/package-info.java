/**
 * Who may call a service's management endpoints ({@code /actuator/**}): the probes and the metrics are
 * open (the launcher, Kubernetes and Prometheus read them without a token), everything else — the
 * dead letters, count reconciliation, any endpoint a service exposes later — needs a staff JWT of an
 * operator. Auto-configured into every servlet service before the service's own security chain, so
 * no service can expose an endpoint and forget the lock.
 */
package org.pledgeworks.kit.management;
