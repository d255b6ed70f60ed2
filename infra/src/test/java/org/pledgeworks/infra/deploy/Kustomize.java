package org.pledgeworks.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The part of {@code kustomize build} that infra/k8s uses, so a test can check what an overlay
 * really deploys without a kustomize binary or a cluster: resources (files and directories),
 * strategic-merge patches (maps merged, containers and env merged by name, other lists replaced),
 * configMapGenerator (create / merge literals), secretGenerator (envs read from the committed
 * {@code .example} next to the git-ignored file; files recorded by key), images (newName, newTag) and
 * namespace. A kustomization using anything else fails the render, so the checks never silently
 * look at less than kubectl would apply.
 */
final class Kustomize {

    private static final Set<String> KNOWN = Set.of("apiVersion", "kind", "namespace", "resources", "patches",
            "configMapGenerator", "secretGenerator", "images", "labels");

    private Kustomize() {
    }

    /** The rendered resources of the kustomization in {@code dir}; generated ConfigMaps/Secrets included. */
    static List<Map<String, Object>> build(Path dir) {
        Map<String, Object> kustomization = Yamls.one(dir.resolve("kustomization.yaml"));
        for (String key : kustomization.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses '" + key
                        + "', which this test's renderer does not implement: teach Kustomize.java first");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String resource : Yamls.strings(kustomization.get("resources"))) {
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                resources.addAll(Yamls.all(path));
            }
        }
        for (Map<String, Object> generator : Yamls.maps(kustomization.get("configMapGenerator"))) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (String literal : Yamls.strings(generator.get("literals"))) {
                int eq = literal.indexOf('=');
                data.put(literal.substring(0, eq), literal.substring(eq + 1));
            }
            generate(resources, "ConfigMap", (String) generator.get("name"), data,
                    String.valueOf(generator.getOrDefault("behavior", "create")));
        }
        for (Map<String, Object> generator : Yamls.maps(kustomization.get("secretGenerator"))) {
            Map<String, Object> data = new LinkedHashMap<>();
            for (String env : Yamls.strings(generator.get("envs"))) {
                data.putAll(envFile(dir.resolve(env + ".example")));
            }
            for (String file : Yamls.strings(generator.get("files"))) {
                data.put(file, "(from " + file + ")");
            }
            generate(resources, "Secret", (String) generator.get("name"), data,
                    String.valueOf(generator.getOrDefault("behavior", "create")));
        }
        for (Map<String, Object> patch : Yamls.maps(kustomization.get("patches"))) {
            if (!patch.keySet().equals(Set.of("path"))) {
                throw new IllegalStateException("only file patches (path:) are implemented: " + patch);
            }
            for (Map<String, Object> change : Yamls.all(dir.resolve((String) patch.get("path")))) {
                Map<String, Object> target = resources.stream()
                        .filter(resource -> Objects.equals(resource.get("kind"), change.get("kind"))
                                && Objects.equals(name(resource), name(change)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "patch " + patch.get("path") + " matches no " + change.get("kind") + " " + name(change)));
                merge(target, change);
            }
        }
        for (Map<String, Object> image : Yamls.maps(kustomization.get("images"))) {
            String name = (String) image.get("name");
            for (Map<String, Object> resource : resources) {
                Yamls.walk(resource, (map, key, value) -> {
                    if (key.equals("image") && value instanceof String ref && repository(ref).equals(name)) {
                        String newName = (String) image.getOrDefault("newName", name);
                        String newTag = image.containsKey("newTag") ? String.valueOf(image.get("newTag")) : tag(ref);
                        map.put("image", newTag == null ? newName : newName + ":" + newTag);
                    }
                });
            }
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            for (Map<String, Object> resource : resources) {
                if (!"Namespace".equals(resource.get("kind"))) {
                    Yamls.map(resource, "metadata").put("namespace", namespace);
                }
            }
        }
        return resources;
    }

    static String name(Map<String, Object> resource) {
        return (String) Yamls.map(resource, "metadata").get("name");
    }

    static String repository(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** The tag of an image reference, or null when it has none. */
    static String tag(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : null;
    }

    private static void generate(List<Map<String, Object>> resources, String kind, String name, Map<String, Object> data,
            String behavior) {
        Map<String, Object> existing = resources.stream()
                .filter(resource -> kind.equals(resource.get("kind")) && name.equals(name(resource)))
                .findFirst().orElse(null);
        switch (behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new IllegalStateException(kind + " " + name + " generated twice (use behavior: merge)");
                }
                Map<String, Object> resource = new LinkedHashMap<>();
                resource.put("apiVersion", "v1");
                resource.put("kind", kind);
                resource.put("metadata", new LinkedHashMap<>(Map.of("name", name)));
                resource.put("data", data);
                resources.add(resource);
            }
            case "merge" -> {
                if (existing == null) {
                    throw new IllegalStateException(kind + " " + name + ": behavior merge, but the base has none");
                }
                Yamls.map(existing, "data").putAll(data);
            }
            default -> throw new IllegalStateException("behavior " + behavior + " is not implemented");
        }
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            Object current = target.get(entry.getKey());
            Object change = entry.getValue();
            if (current instanceof Map<?, ?> currentMap && change instanceof Map<?, ?> changeMap) {
                merge((Map<String, Object>) currentMap, (Map<String, Object>) changeMap);
            } else if (current instanceof List<?> currentList && change instanceof List<?> changeList
                    && List.of("containers", "initContainers", "env", "volumes", "volumeMounts", "ports")
                            .contains(entry.getKey())) {
                mergeByName((List<Object>) currentList, (List<Object>) changeList);
            } else {
                target.put(entry.getKey(), change);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void mergeByName(List<Object> current, List<Object> changes) {
        for (Object change : changes) {
            Map<String, Object> changeMap = (Map<String, Object>) change;
            Object key = changeMap.containsKey("name") ? changeMap.get("name") : changeMap.get("mountPath");
            Map<String, Object> match = current.stream().map(item -> (Map<String, Object>) item)
                    .filter(item -> Objects.equals(item.containsKey("name") ? item.get("name") : item.get("mountPath"), key))
                    .findFirst().orElse(null);
            if (match == null) {
                current.add(change);
            } else {
                merge(match, changeMap);
            }
        }
    }

    /** KEY=value lines; # comments and blank lines skipped. */
    static Map<String, Object> envFile(Path file) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    /** SnakeYAML helpers: safe loading, typed access, a walk over every map entry. */
    static final class Yamls {

        private Yamls() {
        }

        static Yaml yaml() {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(new SafeConstructor(options));
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> one(Path file) {
            try {
                return (Map<String, Object>) yaml().load(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> all(Path file) {
            List<Map<String, Object>> documents = new ArrayList<>();
            try {
                for (Object document : yaml().loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (document != null) {
                        documents.add((Map<String, Object>) document);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return documents;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Map<String, Object> parent, String key) {
            Object value = parent.get(key);
            if (value == null) {
                Map<String, Object> created = new LinkedHashMap<>();
                parent.put(key, created);
                return created;
            }
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> path(Map<String, Object> root, String... keys) {
            Map<String, Object> current = root;
            for (String key : keys) {
                Object next = current == null ? null : current.get(key);
                current = next instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
            }
            return current;
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> maps(Object list) {
            return list == null ? List.of() : ((List<Object>) list).stream().map(item -> (Map<String, Object>) item).toList();
        }

        @SuppressWarnings("unchecked")
        static List<String> strings(Object list) {
            return list == null ? List.of() : ((List<Object>) list).stream().map(String::valueOf).toList();
        }

        interface Visitor {
            void visit(Map<String, Object> map, String key, Object value);
        }

        @SuppressWarnings("unchecked")
        static void walk(Object node, Visitor visitor) {
            if (node instanceof Map<?, ?> map) {
                for (Map.Entry<String, Object> entry : new ArrayList<>(((Map<String, Object>) map).entrySet())) {
                    visitor.visit((Map<String, Object>) map, entry.getKey(), entry.getValue());
                    walk(entry.getValue(), visitor);
                }
            } else if (node instanceof List<?> list) {
                list.forEach(item -> walk(item, visitor));
            }
        }
    }
}
