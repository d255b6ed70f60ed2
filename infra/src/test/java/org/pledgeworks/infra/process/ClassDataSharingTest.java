package org.pledgeworks.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    private static final List<String> OPTIONS = List.of("-Xmx256m");

    @TempDir
    Path dir;

    @Test
    void withoutAnArchiveTheServiceStartsFromItsFatJarAsBefore() throws Exception {
        Path jar = jar("a service");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("cache"), true);

        assertThat(cds.command("pledge-service", OPTIONS, jar)).isEqualTo(JavaCommand.jar(OPTIONS, jar));
    }

    @Test
    void withThisJarsArchiveTheServiceStartsFromTheExtractedJarAndMapsTheArchive() throws Exception {
        Path jar = jar("a service");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("cache"), true);
        ClassDataSharing.Entry entry = ready(cds, jar);

        List<String> command = cds.command("pledge-service", OPTIONS, jar);

        assertThat(command).containsSubsequence("-Xmx256m", "-XX:SharedArchiveFile=" + entry.archive(), "-Xshare:auto",
                "-jar", entry.jar().toString());
        assertThat(command).doesNotContain(jar.toString());
    }

    @Test
    void aRebuiltJarDoesNotMeetTheOldArchive() throws Exception {
        Path jar = jar("version 1");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("cache"), true);
        ready(cds, jar);

        Files.writeString(jar, "version 2, a different build");

        assertThat(cds.command("pledge-service", OPTIONS, jar)).isEqualTo(JavaCommand.jar(OPTIONS, jar));
    }

    @Test
    void switchedOffItAlwaysUsesTheFatJar() throws Exception {
        Path jar = jar("a service");
        ClassDataSharing on = new ClassDataSharing(dir.resolve("cache"), true);
        ready(on, jar);
        ClassDataSharing off = new ClassDataSharing(dir.resolve("cache"), false);

        assertThat(off.command("pledge-service", OPTIONS, jar)).isEqualTo(JavaCommand.jar(OPTIONS, jar));
        assertThat(off.prepareInBackground(List.of(new ClassDataSharing.Service("pledge-service", jar, Map.of())),
                OPTIONS, dir.resolve("train.log"), line -> { }).get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aJarThatCannotBeExtractedKeepsItsUsualStartAndTheFailureIsLogged() throws Exception {
        Path jar = jar("not a jar at all");
        ClassDataSharing cds = new ClassDataSharing(dir.resolve("cache"), true);
        Path log = dir.resolve("logs/train.log");

        List<String> trained = cds.prepareInBackground(List.of(new ClassDataSharing.Service("pledge-service", jar, Map.of())),
                OPTIONS, log, line -> { }).get(60, TimeUnit.SECONDS);

        assertThat(trained).isEmpty();
        assertThat(cds.command("pledge-service", OPTIONS, jar)).isEqualTo(JavaCommand.jar(OPTIONS, jar));
        assertThat(Files.readString(log)).contains("pledge-service: extracting failed");
    }

    @Test
    void theFingerprintIsTheContentNotTheFile() throws Exception {
        Path one = jar("same bytes");
        Path copy = Files.copy(one, dir.resolve("copy.jar"));

        assertThat(ClassDataSharing.fingerprint(copy)).isEqualTo(ClassDataSharing.fingerprint(one));
        Files.writeString(copy, "other bytes");
        assertThat(ClassDataSharing.fingerprint(copy)).isNotEqualTo(ClassDataSharing.fingerprint(one));
    }

    private Path jar(String content) throws Exception {
        Path jar = Files.createDirectories(dir.resolve("pledge-service/target")).resolve("pledge-service.jar");
        Files.writeString(jar, content);
        return jar;
    }

    private static ClassDataSharing.Entry ready(ClassDataSharing cds, Path jar) throws Exception {
        ClassDataSharing.Entry entry = cds.entry("pledge-service", jar);
        Files.createDirectories(entry.dir());
        Files.writeString(entry.jar(), "extracted");
        Files.writeString(entry.archive(), "archive");
        return entry;
    }
}
