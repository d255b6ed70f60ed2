package org.pledgeworks.notification.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service, bound from {@code pledgeworks.*} in application.yml. The SMTP
 * server itself is Spring's {@code spring.mail.*}.
 *
 * @param database the MongoDB database this service owns
 * @param mail     what every outgoing mail carries
 * @param delivery how deliveries are sent and retried
 * @param events   how a record whose processing failed is retried before it is dead-lettered
 */
@ConfigurationProperties("pledgeworks")
public record NotificationServiceProperties(
        @DefaultValue("pledgeworks-notifications") String database,
        @DefaultValue Mail mail,
        @DefaultValue Delivery delivery,
        @DefaultValue Events events) {

    /**
     * @param from            the From header, e.g. {@code Pledgeworks <no-reply@pledgeworks.local>}
     * @param messageIdDomain the right-hand side of every Message-ID we generate
     */
    public record Mail(
            @DefaultValue("Pledgeworks <no-reply@pledgeworks.local>") String from,
            @DefaultValue("pledgeworks.local") String messageIdDomain) {
    }

    /**
     * @param senderThreads  how many mails are handed to the provider at once
     * @param queueCapacity  deliveries waiting for a sender thread; beyond it they wait in MongoDB for the retrier
     * @param retryInterval  how often the retrier looks for deliveries that are due
     * @param retryBatch     at most this many deliveries per retrier round
     * @param initialBackoff the delay after the first transient failure; it doubles with each further one
     * @param maxBackoff     the longest delay between two attempts
     * @param maxAttempts    after this many transient failures a delivery is given up (marked failed)
     * @param sendingTimeout a delivery claimed for longer than this belonged to a process that died
     *                       mid-send: it goes back to the queue. Longer than the SMTP timeouts together.
     */
    public record Delivery(
            @DefaultValue("4") int senderThreads,
            @DefaultValue("1000") int queueCapacity,
            @DefaultValue("2s") Duration retryInterval,
            @DefaultValue("100") int retryBatch,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("100") int maxAttempts,
            @DefaultValue("2m") Duration sendingTimeout) {
    }

    /**
     * @param retryInterval pause between attempts at a record whose processing failed
     * @param retryAttempts retries after the first failure before the record goes to {@code <topic>.dlt}
     */
    public record Events(
            @DefaultValue("500ms") Duration retryInterval,
            @DefaultValue("4") long retryAttempts) {
    }
}
