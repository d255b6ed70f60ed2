package org.pledgeworks.infra;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the started stack can be reached. The service URIs are filled in even with
 * {@code infraOnly} (they are where the services would listen); {@link #servicesRunning()} says
 * whether they do.
 *
 * @param web                 the gateway: the public web page
 * @param api                 a public API route behind the gateway
 * @param inbox               the mail catcher's web inbox; empty when an external SMTP server is used
 * @param smtpHost            where notification-service sends mail
 * @param kafkaBootstrapServers for producers, consumers and admin clients
 * @param mongoUri            without a database name; each service picks its own
 * @param startTime           from {@code start()} to everything ready
 */
public record Endpoints(
        URI web,
        URI api,
        URI campaignService,
        URI pledgeService,
        URI notificationService,
        Optional<URI> inbox,
        String smtpHost,
        int smtpPort,
        String kafkaBootstrapServers,
        String mongoUri,
        Path logsDir,
        Path dataDir,
        Duration startTime,
        boolean servicesRunning) {

    /** The inbox's JSON listing, {@code GET} newest first, {@code DELETE} to empty it. */
    public Optional<URI> inboxApi() {
        return inbox.map(uri -> uri.resolve("/api/messages"));
    }
}
