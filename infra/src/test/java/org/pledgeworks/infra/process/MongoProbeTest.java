package org.pledgeworks.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pledgeworks.embeddedmongo.EmbeddedMongoServer;

class MongoProbeTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedServerIsReadyOnceItAnswersPing() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start("127.0.0.1", 0, dir.resolve("ping.mv.db"));
             MongoProbe probe = new MongoProbe(server.connectionString())) {

            assertThat(probe.isReady()).isTrue();
        }
    }

    @Test
    void passwordsAreRedactedFromUris() {
        assertThat(MongoProbe.redact("mongodb://app:s3cret@db-1:27017,db-2/x?replicaSet=rs0"))
                .isEqualTo("mongodb://app:***@db-1:27017,db-2/x?replicaSet=rs0");
        assertThat(MongoProbe.redact("mongodb+srv://app:p%40ss@cluster.example")).isEqualTo("mongodb+srv://app:***@cluster.example");
        assertThat(MongoProbe.redact("mongodb://127.0.0.1:27017")).isEqualTo("mongodb://127.0.0.1:27017");
    }
}
