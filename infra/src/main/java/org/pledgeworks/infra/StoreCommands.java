package org.pledgeworks.infra;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.pledgeworks.embeddedmongo.EmbeddedMongoServer;
import org.pledgeworks.infra.backup.BackupArchive;
import org.pledgeworks.infra.process.ManagedProcess;
import org.pledgeworks.infra.process.MongoProbe;

/**
 * {@code ./pledgeworks backup [file]} and {@code ./pledgeworks restore <file>} on the local data.
 *
 * <p>Backup always reads through the MongoDB driver: from the running stack's MongoDB when a
 * launcher runs on this data directory, else from the embedded store opened in this process on a
 * free loopback port just for the dump. Restore refuses while a launcher runs on the data directory:
 * it loads the file into a fresh store beside the current one and only then swaps it in, keeping
 * the old store aside ({@code mongo.before-restore-<time>}), so a failed or cut-off load changes
 * nothing.
 */
final class StoreCommands {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final StackConfig config;
    private final Clock clock;
    private final PrintStream out;

    StoreCommands(StackConfig config, Clock clock, PrintStream out) {
        this.config = config;
        this.clock = clock;
        this.out = out;
    }

    /** The store's directory, {@code <data>/mongo}: what restore swaps. */
    Path storeDir() {
        return config.mongoStoreFile().getParent();
    }

    /** Where a backup goes when no file is named: {@code <data>/backups/pledgeworks-<UTC time>.jsonl.gz}. */
    Path defaultBackupFile() {
        return config.dataDir().resolve("backups").resolve("pledgeworks-" + STAMP.format(clock.instant()) + ".jsonl.gz");
    }

    BackupArchive.Summary backup(Path file) {
        if (config.mongoUri().isPresent()) {
            out.println("backing up the MongoDB at " + MongoProbe.redact(config.mongoUri().get()));
            return dump(config.mongoUri().get(), file);
        }
        Optional<Integer> runningPort = new RunRecords(config.dataDir()).runningMongoPort();
        if (runningPort.isPresent()) {
            out.println("the stack is running: backing up through its MongoDB (127.0.0.1:" + runningPort.get() + ")");
            return dump("mongodb://" + StackConfig.HOST + ":" + runningPort.get(), file);
        }
        if (!Files.isRegularFile(config.mongoStoreFile())) {
            throw new ConfigException("nothing to back up: no store at " + ManagedProcess.display(config.mongoStoreFile()));
        }
        out.println("the stack is stopped: opening " + ManagedProcess.display(config.mongoStoreFile()) + " for the dump");
        return withEmbeddedStore(config.mongoStoreFile(), mongoUri -> dump(mongoUri, file));
    }

    BackupArchive.Summary restore(Path file) {
        if (config.mongoUri().isPresent()) {
            throw new ConfigException("MONGODB_URI is set: restore loads the embedded store only;"
                    + " for an external MongoDB use its own tools (mongorestore)");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("no backup file " + ManagedProcess.display(file));
        }
        RunRecords runRecords = new RunRecords(config.dataDir());
        Optional<ProcessHandle> running = runRecords.runningLauncher().or(() -> runRecords.running(LocalStack.MONGODB));
        if (running.isPresent()) {
            throw new ConfigException("the stack is running on " + ManagedProcess.display(config.dataDir()) + " (pid "
                    + running.get().pid() + "): stop it first (Ctrl-C in its terminal), then restore");
        }
        Path fresh = config.dataDir().resolve("mongo.restoring");
        deleteTree(fresh);
        BackupArchive.Summary summary;
        try {
            summary = withEmbeddedStore(fresh.resolve(config.mongoStoreFile().getFileName()), mongoUri -> {
                try (MongoClient mongo = MongoClients.create(mongoUri)) {
                    return BackupArchive.load(file, mongo);
                }
            });
        } catch (RuntimeException e) {
            deleteTree(fresh);
            throw e;
        }
        Path store = storeDir();
        try {
            if (Files.exists(store)) {
                Path aside = config.dataDir().resolve("mongo.before-restore-" + STAMP.format(clock.instant()));
                Files.move(store, aside, StandardCopyOption.ATOMIC_MOVE);
                out.println("the store as it was is kept in " + ManagedProcess.display(aside));
            }
            Files.move(fresh, store, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return summary;
    }

    private BackupArchive.Summary dump(String mongoUri, Path file) {
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            return BackupArchive.write(mongo, file, clock.instant());
        }
    }

    /** Opens the embedded store {@code file} on a free loopback port for the length of {@code work}, then closes (flushes) it. */
    private static <T> T withEmbeddedStore(Path file, Function<String, T> work) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(StackConfig.HOST, 0, file)) {
            return work.apply(server.connectionString());
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
