package org.pledgeworks.embeddedmongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;

/**
 * mongo-java-server on a host and port of our choosing (its own main classes are fixed to
 * localhost:27017) with the H2 backend on a file ({@link TunedH2Backend}). It has no transactions and no TTL, and
 * builds only unique and sparse indexes: see this module's README.md for what it changes and what it lacks.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final TunedH2Backend backend;
    private final Path file;

    private EmbeddedMongoServer(MongoServer server, TunedH2Backend backend, Path file) {
        this.server = server;
        this.backend = backend;
        this.file = file;
    }

    /**
     * Opens (or creates) the H2 file, reads every collection once, and listens; port 0 picks a free port.
     *
     * @throws DamagedStoreException when a collection in the file cannot be read
     */
    public static EmbeddedMongoServer start(String host, int port, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TunedH2Backend backend = TunedH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new EmbeddedMongoServer(server, backend, file);
    }

    /** bind(host, port) returns nothing, so the port (when 0 was asked for) is read back here. */
    public InetSocketAddress address() {
        return server.getLocalAddress();
    }

    public String connectionString() {
        InetSocketAddress address = address();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    /** Stops listening, then commits and closes the H2 file so nothing written is lost. */
    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    /**
     * {@code --host 127.0.0.1 --port 27017 --file data/mongo/pledgeworks.mv.db}; runs until SIGTERM,
     * which closes the file cleanly through the shutdown hook.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = options(args);
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(options.getOrDefault("port", "27017"));
        Path file = Path.of(options.getOrDefault("file", "data/mongo/pledgeworks.mv.db"));
        EmbeddedMongoServer mongo;
        try {
            mongo = start(host, port, file);
        } catch (DamagedStoreException e) {
            // one line in the log the launcher shows, not a stack trace from deep inside H2
            System.err.println(e.getMessage());
            System.exit(3);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            System.out.println("MongoDB wire server stopped; data closed in " + file);
            stopped.countDown();
        }, "mongo-shutdown"));
        System.out.println("MongoDB wire server listening on " + mongo.connectionString() + ", data in " + file);
        stopped.await();
    }

    /** The launcher's {@code --name value} pairs; this module depends on nothing of the launcher's. */
    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name, got: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
