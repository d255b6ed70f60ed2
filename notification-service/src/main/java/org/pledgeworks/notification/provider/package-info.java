/**
 * The HTTP email-provider transport: batch sends of up to 500 mails a call with one result per mail
 * and an idempotency key per mail (modelled on the large providers' batch APIs), kept within the
 * provider's limits by Resilience4j (rate limiter, retry with exponential back-off and jitter,
 * circuit breaker, bulkhead) and slowed down by the provider's own 429 / 421 / 454 and Retry-After.
 * Also the choice of transport per lane (both are made, the settings pick at run time) and the
 * provider's signed webhook, whose bounces and complaints suppress an address.
 */
package org.pledgeworks.notification.provider;
