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
 */
@ConfigurationProperties("pledgeworks")
public record NotificationServiceProperties(
        @DefaultValue("pledgeworks-notifications") String database,
        @DefaultValue Mail mail,
        @DefaultValue Delivery delivery,
        @DefaultValue("http://127.0.0.1:8080") String publicBaseUrl,
        @DefaultValue Provider provider,
        @DefaultValue Tokens tokens,
        @DefaultValue Consent consent,
        @DefaultValue Fanout fanout,
        @DefaultValue Security security) {

    /**
     * @param from            the From header, e.g. {@code Pledgeworks <no-reply@pledgeworks.local>}
     * @param messageIdDomain the right-hand side of every Message-ID we generate
     * @param dkim            signing of SMTP mail; off unless domain, selector and key are all set
     * @param smtpMailsPerConnection how many mails one SMTP connection carries at most (relays often
     *                        cap it: Exchange at 20, others at 100); 1 opens one per mail
     */
    public record Mail(
            @DefaultValue("Pledgeworks <no-reply@pledgeworks.local>") String from,
            @DefaultValue("pledgeworks.local") String messageIdDomain,
            @DefaultValue("smtp") String transport,
            @DefaultValue("") String bulkTransport,
            @DefaultValue("unsubscribe@pledgeworks.local") String unsubscribeMailbox,
            @DefaultValue Dkim dkim,
            @DefaultValue("20") int smtpMailsPerConnection) {
    }

    /**
     * @param domain             d= (the From domain, or its organisational domain)
     * @param selector           s=; the public key is published at {@code <selector>._domainkey.<domain>}
     * @param privateKeyLocation a Spring resource (file:/..., classpath:...) holding a PKCS#8 PEM RSA key
     */
    public record Dkim(
            @DefaultValue("") String domain,
            @DefaultValue("") String selector,
            @DefaultValue("") String privateKeyLocation) {

        public boolean enabled() {
            return !domain.isBlank() && !selector.isBlank() && !privateKeyLocation.isBlank();
        }
    }

    /**
     * The HTTP email provider ({@code transport: http}); its limits are Resilience4j's
     * {@code email-provider} instances.
     *
     * @param webhookSecret HMAC-SHA256 key of the provider's bounce / complaint webhooks; empty refuses them all
     */
    public record Provider(
            @DefaultValue("http://127.0.0.1:8025/provider") String baseUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("500") int maxBatch,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("") String webhookSecret) {
    }

    /**
     * @param secret  HMAC key of the links this service signs (unsubscribe, preferences, follow) and of
     *                the keyed hashes of addresses; PLEDGEWORKS_TOKEN_SECRET. Empty: a random key per
     *                start (links die with the process; fine for tests, not for production)
     * @param followTtl how long a follow confirmation link works
     * @param followResendWindow one follow confirmation mail per address and campaign in this window
     */
    public record Tokens(
            @DefaultValue("") String secret,
            @DefaultValue("7d") Duration followTtl,
            @DefaultValue("10m") Duration followResendWindow) {
    }

    /**
     * What a subscriber agreed to when they ticked "keep me updated": recorded with each consent, as
     * the hash of the wording and its version.
     */
    public record Consent(
            @DefaultValue("campaign-updates") String purpose,
            @DefaultValue("1") String wordingVersion,
            @DefaultValue("Keep me updated about this campaign by email. I can unsubscribe at any time.") String wording) {
    }

    /**
     * @param batchSize    subscriptions read per cursor batch, published, then checkpointed
     * @param lease        a fan-out claimed by an instance longer than this without progress is taken over
     * @param pollInterval how often instances look for fan-outs to run or resume
     * @param sendPatience how long the notifications listener waits for room in the senders' queue
     */
    public record Fanout(
            @DefaultValue("1000") int batchSize,
            @DefaultValue("60s") Duration lease,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("60s") Duration sendPatience) {
    }

    /**
     * @param jwtIssuer  the {@code iss} every staff token must carry
     * @param jwtAudience the {@code aud} every staff token must carry
     */
    public record Security(
            @DefaultValue("http://127.0.0.1:8080") String jwtIssuer,
            @DefaultValue("pledgeworks") String jwtAudience,
            @DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json") String jwkSetUri,
            @DefaultValue("") String publicKeyLocation) {
    }

    /**
     * @param senderThreads  how many mails are handed to the provider at once
     * @param queueCapacity  deliveries waiting for a sender thread; beyond it they wait in MongoDB for the retrier
     * @param bulkSenderThreads  threads sending bulk mail, each one provider call (batch) at a time
     * @param bulkQueueCapacity  bulk deliveries waiting for a bulk sender
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
            @DefaultValue("4") int bulkSenderThreads,
            @DefaultValue("2000") int bulkQueueCapacity,
            @DefaultValue("2s") Duration retryInterval,
            @DefaultValue("100") int retryBatch,
            @DefaultValue("2s") Duration initialBackoff,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("100") int maxAttempts,
            @DefaultValue("2m") Duration sendingTimeout) {
    }
}
