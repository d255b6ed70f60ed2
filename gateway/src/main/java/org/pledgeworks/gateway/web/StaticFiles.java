package org.pledgeworks.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every file under {@code static/}, read once at start-up and served from memory (~140 KB in all).
 * Read from the jar per request, concurrent requests failed now and then with "invalid stored block
 * lengths" from the JDK's jar reader (seen at 200 requests/s in the benchmark), and every request paid
 * for opening the jar. Last-Modified is the file's time in the jar, the same on every gateway instance of
 * one build, so a browser's revalidation gets a 304 from any of them.
 */
@Component
public class StaticFiles {

    private static final String ROOT = "static/";

    private final Map<String, Resource> files;

    StaticFiles() {
        this.files = load();
    }

    /** @param path relative to {@code static/}, e.g. {@code js/index.js} */
    public Optional<Resource> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** A file that must be there (the pages the gateway routes itself). */
    Resource page(String path) {
        return file(path).orElseThrow(() -> new IllegalStateException("no static/" + path + " in the build"));
    }

    int count() {
        return files.size();
    }

    private static Map<String, Resource> load() {
        Map<String, Resource> loaded = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:" + ROOT + "**")) {
                if (!resource.isReadable()) {
                    continue; // a directory
                }
                String url = resource.getURL().toString();
                String path = url.substring(url.lastIndexOf(ROOT) + ROOT.length());
                if (path.isEmpty() || path.endsWith("/")) {
                    continue;
                }
                byte[] content;
                try (var in = resource.getInputStream()) {
                    content = in.readAllBytes();
                }
                loaded.putIfAbsent(path, new InMemoryFile(content, resource.getFilename(), resource.lastModified()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the web pages from static/", e);
        }
        return loaded;
    }

    /** What the resource handler needs of a file: its bytes, its name (for the media type) and its time. */
    static final class InMemoryFile extends ByteArrayResource {

        private final String filename;
        private final long lastModified;

        InMemoryFile(byte[] content, String filename, long lastModified) {
            super(content, "static file " + filename);
            this.filename = filename;
            // whole seconds: HTTP dates have no more, and If-Modified-Since must compare equal
            this.lastModified = lastModified / 1000 * 1000;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public long lastModified() {
            return lastModified;
        }
    }
}
