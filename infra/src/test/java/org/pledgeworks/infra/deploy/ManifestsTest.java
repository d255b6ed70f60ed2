package org.pledgeworks.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pledgeworks.infra.LocalStack;
import org.pledgeworks.infra.StackConfig;
import org.pledgeworks.infra.deploy.Kustomize.Yamls;
import org.pledgeworks.infra.kafka.KafkaTopics;
import org.pledgeworks.infra.kafka.TopicSpec;

/**
 * What can be proven about infra/compose.yaml, infra/k8s and infra/docker without a container
 * engine or a cluster: every Deployment has probes, requests and limits, a PDB and an HPA; no image
 * floats; topics match what the launcher and the services declare; every setting a service reads
 * has a value everywhere; only the gateway is reachable from outside. The expected values are read
 * from the code and the services' application.yml, never written down a second time here. The
 * last tests break a manifest in memory and show that the checks notice.
 */
class ManifestsTest {

    private static final Path HOME = StackConfig.findHome();
    private static final Path INFRA = HOME.resolve("infra");
    private static final List<String> OVERLAYS = List.of("local", "production");
    private static final List<String> SERVICES = LocalStack.SERVICE_MODULES;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");

    // ---------------------------------------------------------------- what the code says

    /** The ${VAR} / ${VAR:default} each service's application.yml reads: name → default (null = none). */
    static synchronized Map<String, Map<String, String>> settingsRead() {
        if (settingsRead != null) {
            return settingsRead;
        }
        Map<String, Map<String, String>> read = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Map<String, String> variables = new TreeMap<>();
            Matcher matcher = PLACEHOLDER.matcher(text(HOME.resolve(service).resolve("src/main/resources/application.yml")));
            while (matcher.find()) {
                variables.put(matcher.group(1), matcher.group(2) == null ? null : matcher.group(3));
            }
            read.put(service, variables);
        }
        settingsRead = read;
        return read;
    }

    private static Map<String, Map<String, String>> settingsRead;

    /**
     * What the launcher sets for each service (LocalStack.startServices): the maps it fills are
     * common (every service), mail (notification-service), gateway and env (every service).
     */
    static Map<String, Set<String>> launcherSettings() {
        Map<String, Set<String>> byService = new LinkedHashMap<>();
        SERVICES.forEach(service -> byService.put(service, new TreeSet<>()));
        String source = text(INFRA.resolve("src/main/java/org/pledgeworks/infra/LocalStack.java"));
        Matcher matcher = Pattern.compile("\\b(\\w+)\\.put\\(\"([A-Z][A-Z0-9_]*)\"").matcher(source);
        while (matcher.find()) {
            if (source.substring(source.lastIndexOf('\n', matcher.start()) + 1, matcher.start()).contains("->")) {
                continue; // set only when configured (smtp.username().ifPresent(...)): not required
            }
            List<String> targets = switch (matcher.group(1)) {
                case "common", "env" -> SERVICES;
                case "mail" -> List.of(LocalStack.NOTIFICATION_SERVICE);
                case "gateway" -> List.of(LocalStack.GATEWAY);
                default -> throw new IllegalStateException("LocalStack fills a map '" + matcher.group(1)
                        + "' this test does not know: say which services it is for");
            };
            targets.forEach(service -> byService.get(service).add(matcher.group(2)));
        }
        return byService;
    }

    /** A setting must have a non-empty value where the service has no usable default, or the launcher sets it. */
    static Map<String, Set<String>> requiredSettings() {
        Map<String, Set<String>> required = new LinkedHashMap<>();
        Map<String, Set<String>> launcher = launcherSettings();
        settingsRead().forEach((service, variables) -> {
            Set<String> names = new TreeSet<>(launcher.get(service));
            variables.forEach((name, fallback) -> {
                if (fallback == null) {
                    names.add(name);
                }
            });
            // the services listen on loopback by default: in a container that would be unreachable
            names.add("SERVER_ADDRESS");
            required.put(service, names);
        });
        return required;
    }

    /**
     * TopicBuilder.name(...).partitions(n) [.config(RETENTION_MS_CONFIG, ...)], and the kit's
     * Topics.declare().withDeadLetter(topic, n, retention) / .deadLetterOnly(...), in each service's code.
     */
    /** How long service-kit's {@code Topics} keeps a topic of personal data. */
    static Duration kitPersonalDataRetention() {
        String source = text(HOME.resolve("service-kit/src/main/java/org/pledgeworks/kit/kafka/Topics.java"));
        Matcher days = Pattern.compile("PERSONAL_DATA_RETENTION = Duration\\.ofDays\\((\\d+)\\);").matcher(source);
        if (!days.find()) {
            throw new AssertionError("no PERSONAL_DATA_RETENTION = Duration.ofDays(n) in the kit's Topics");
        }
        return Duration.ofDays(Long.parseLong(days.group(1)));
    }

    static Map<String, List<TopicSpec>> topicsDeclaredByServices() {
        Map<String, List<TopicSpec>> declared = new LinkedHashMap<>();
        for (String service : SERVICES) {
            List<TopicSpec> topics = new ArrayList<>();
            try (Stream<Path> files = Files.walk(HOME.resolve(service).resolve("src/main/java"))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    String source = text(file);
                    Map<String, String> constants = new HashMap<>();
                    Matcher constant = Pattern.compile("static final String (\\w+) = \"([^\"]*)\";").matcher(source);
                    while (constant.find()) {
                        constants.put(constant.group(1), constant.group(2));
                    }
                    // a service's constant may name one of the kit's (DEAD_LETTER_SUFFIX = ListenerErrorPolicy.DEAD_LETTER_SUFFIX)
                    Matcher alias = Pattern.compile("static final String (\\w+) = \\w+\\.(\\w+);").matcher(source);
                    while (alias.find()) {
                        Optional.ofNullable(KIT_CONSTANTS.get(alias.group(2))).ifPresent(value -> constants.put(alias.group(1), value));
                    }
                    Matcher builder = Pattern.compile(
                            "TopicBuilder\\.name\\(([^)]*)\\)\\s*\\.partitions\\((\\d+)\\)([^;]*);").matcher(source);
                    while (builder.find()) {
                        String name = Stream.of(builder.group(1).split("\\+")).map(String::trim)
                                .map(part -> part.startsWith("\"") ? part.substring(1, part.length() - 1)
                                        : Objects.requireNonNull(constants.get(part), "constant " + part + " in " + file))
                                .collect(Collectors.joining());
                        Optional<Duration> retention = Optional.empty();
                        Matcher config = Pattern.compile("RETENTION_MS_CONFIG,\\s*(\\w+|\"\\d+\")").matcher(builder.group(3));
                        if (config.find()) {
                            String value = config.group(1).startsWith("\"") ? config.group(1).replace("\"", "")
                                    : constants.get(config.group(1));
                            retention = Optional.of(Duration.ofMillis(Long.parseLong(value)));
                        }
                        topics.add(new TopicSpec(name, Integer.parseInt(builder.group(2)), retention));
                    }
                    // the kit's Topics.declare(): withDeadLetter(topic, n, retention) is the topic and its .dlt
                    Matcher declaration = Pattern.compile(
                            "\\.(withDeadLetter|deadLetterOnly)\\((\\w+|\"[^\"]*\"),\\s*(\\d+),\\s*Retention\\.(\\w+)\\)")
                            .matcher(source);
                    while (declaration.find()) {
                        String name = declaration.group(2).startsWith("\"") ? declaration.group(2).replace("\"", "")
                                : Objects.requireNonNull(constants.get(declaration.group(2)), "constant " + declaration.group(2) + " in " + file);
                        int partitions = Integer.parseInt(declaration.group(3));
                        Optional<Duration> retention = declaration.group(4).equals("PERSONAL_DATA")
                                ? Optional.of(kitPersonalDataRetention()) : Optional.empty();
                        if (declaration.group(1).equals("withDeadLetter")) {
                            topics.add(new TopicSpec(name, partitions, retention));
                        }
                        topics.add(new TopicSpec(name + ".dlt", partitions, retention));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            declared.put(service, topics);
        }
        return declared;
    }

    /** The actuator's port per service, from application.yml: MANAGEMENT_PORT's default, else SERVER_PORT's. */
    static Map<String, Integer> actuatorPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        settingsRead().forEach((service, variables) -> ports.put(service,
                Integer.parseInt(variables.getOrDefault("MANAGEMENT_PORT", variables.get("SERVER_PORT")))));
        return ports;
    }

    // ---------------------------------------------------------------- the launcher and the services agree

    @Test
    void theServicesDeclareTheTopicsTheLauncherCreates() {
        Map<String, TopicSpec> launcher = KafkaTopics.PLEDGEWORKS.stream()
                .collect(Collectors.toMap(TopicSpec::name, topic -> topic));
        Map<String, List<TopicSpec>> declared = topicsDeclaredByServices();

        assertThat(declared.values().stream().mapToInt(List::size).sum()).as("NewTopic beans found").isGreaterThan(5);
        declared.forEach((service, topics) -> assertThat(topics).as(service).allSatisfy(
                topic -> assertThat(topic).isEqualTo(launcher.get(topic.name()))));
        assertThat(declared.values().stream().flatMap(List::stream).map(TopicSpec::name).collect(Collectors.toSet()))
                .as("every topic the launcher makes is declared by some service")
                .containsAll(launcher.keySet());
    }

    // ---------------------------------------------------------------- compose

    @Test
    void composeIsComplete() {
        assertThat(Checks.compose(compose())).isEmpty();
    }

    // ---------------------------------------------------------------- Kubernetes

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theOverlayIsComplete(String overlay) {
        assertThat(Checks.kubernetes(render(overlay))).isEmpty();
    }

    @Test
    void secretsAreGeneratedFromIgnoredFilesWithCommittedExamplesAndNeverCommitted() throws IOException {
        List<String> ignored = Files.readAllLines(INFRA.resolve("k8s/.gitignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        for (String overlay : OVERLAYS) {
            Path dir = INFRA.resolve("k8s/overlays").resolve(overlay);
            Map<String, Object> kustomization = Yamls.one(dir.resolve("kustomization.yaml"));
            for (Map<String, Object> generator : Yamls.maps(kustomization.get("secretGenerator"))) {
                List<String> inputs = new ArrayList<>(Yamls.strings(generator.get("envs")));
                inputs.addAll(Yamls.strings(generator.get("files")));
                for (String input : inputs) {
                    assertThat(dir.resolve(input + ".example")).as("committed example of " + input).isRegularFile();
                    assertThat(ignored).as(input + " is git-ignored").contains("overlays/*/" + input);
                }
            }
        }
        try (Stream<Path> files = Files.walk(INFRA.resolve("k8s"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                assertThat(Yamls.all(file)).as(file + " holds no Secret").noneMatch(doc -> "Secret".equals(doc.get("kind")));
            }
        }
    }

    // ---------------------------------------------------------------- images, observability

    @Test
    void theFourDockerfilesAreBuiltTheSameWay() {
        Map<String, Integer> actuator = actuatorPorts();
        Map<String, String> normalised = new LinkedHashMap<>();
        for (String service : SERVICES) {
            String dockerfile = text(INFRA.resolve("docker").resolve(service).resolve("Dockerfile"));
            String port = settingsRead().get(service).get("SERVER_PORT");
            assertThat(dockerfile).as(service)
                    .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher")
                    .contains("COPY " + service + "/target/" + service + ".jar app.jar")
                    .contains("USER 10001:10001")
                    .contains("-XX:MaxRAMPercentage=")
                    .contains("org.springframework.boot.loader.launch.JarLauncher")
                    .containsPattern("HEALTHCHECK [^\\n]*\\n[^\\n]*/dev/tcp/127\\.0\\.0\\.1/" + actuator.get(service)
                            + " [^\\n]*/actuator/health/readiness")
                    .contains("SERVER_PORT=" + port);
            Matcher from = Pattern.compile("^FROM (\\S+)", Pattern.MULTILINE).matcher(dockerfile);
            while (from.find()) {
                assertThat(Checks.imageProblem(from.group(1))).as(service + " FROM").isNull();
                assertThat(from.group(1)).startsWith("eclipse-temurin:17.");
            }
            normalised.put(service, dockerfile.replace(service, "SERVICE")
                    .replaceAll("\\b(" + port + "|" + actuator.get(service) + ")\\b", "PORT")
                    .replaceAll("(?m)^#.*$|^EXPOSE.*$", ""));
        }
        assertThat(new LinkedHashSet<>(normalised.values())).as("Dockerfiles differ beyond name, ports and comments")
                .hasSize(1);
    }

    @Test
    void prometheusScrapesEveryServiceOnItsActuatorPort() {
        Map<String, Object> prometheus = Yamls.one(INFRA.resolve("observability/prometheus/prometheus.yml"));
        Map<String, Set<Integer>> portsByJob = new HashMap<>();
        for (Map<String, Object> job : Yamls.maps(prometheus.get("scrape_configs"))) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            Set<Integer> ports = new TreeSet<>();
            Yamls.maps(job.get("dns_sd_configs")).forEach(sd -> ports.add((Integer) sd.get("port")));
            Yamls.maps(job.get("static_configs")).forEach(sc -> Yamls.strings(sc.get("targets"))
                    .forEach(target -> ports.add(Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)))));
            portsByJob.put((String) job.get("job_name"), ports);
        }
        actuatorPorts().forEach((service, port) -> assertThat(portsByJob.get(service)).as(service).containsOnly(port));
    }

    @Test
    void theDashboardShowsWhatOperatorsNeedWithMetricsTheServicesExport() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(INFRA.resolve("observability/grafana/dashboards/pledgeworks.json").toFile());
        List<String> titles = new ArrayList<>();
        Set<String> metrics = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            titles.add(panel.get("title").asText().toLowerCase());
            for (JsonNode target : panel.get("targets")) {
                Matcher metric = Pattern.compile("\\b([a-z][a-z0-9_]*_(?:total|seconds_count|seconds_sum|seconds_max|seconds_bucket|"
                        + "records_lag|records_lag_max|state|bytes))\\b").matcher(target.get("expr").asText());
                while (metric.find()) {
                    metrics.add(metric.group(1));
                }
            }
        }
        assertThat(String.join(" | ", titles)).contains("request rate", "latency", "pledges per second", "consumer lag",
                "outbox", "mails sent / deferred", "circuit breakers");
        String code = SERVICES.stream().flatMap(service -> javaSources(HOME.resolve(service).resolve("src/main/java")))
                .collect(Collectors.joining("\n"));
        for (String metric : metrics) {
            // our own meters must exist in the code (Micrometer's dots become underscores)
            if (metric.startsWith("notification_") || metric.startsWith("pledgeworks_")) {
                String meter = metric.replaceAll("_(total|seconds_count|seconds_sum|seconds_max|seconds_bucket)$", "")
                        .replace('_', '.');
                assertThat(code.contains("\"" + meter + "\"") || madeByTheKit(meter))
                        .as("meter " + meter + " (dashboard: " + metric + ") in the services' code, or made by the kit for a service")
                        .isTrue();
            }
        }
    }

    // ---------------------------------------------------------------- the checks notice a broken manifest

    @Test
    void aDeploymentWithoutReadinessProbeOrLimitsOrPdbIsReported() {
        List<Map<String, Object>> resources = render("production");
        Map<String, Object> pledge = find(resources, "Deployment", "pledge-service");
        Map<String, Object> container = Yamls.maps(Yamls.path(pledge, "spec", "template", "spec").get("containers")).get(0);
        container.remove("readinessProbe");
        Yamls.path(container, "resources").remove("limits");
        resources.removeIf(resource -> "PodDisruptionBudget".equals(resource.get("kind"))
                && "pledge-service".equals(Kustomize.name(resource)));

        assertThat(String.join("\n", Checks.kubernetes(resources)))
                .contains("pledge-service: no readinessProbe", "pledge-service: no limits", "pledge-service: no PodDisruptionBudget");
    }

    @Test
    void aLatestTagAMissingSettingAWrongTopicAndAnOpenPolicyAreReported() {
        List<Map<String, Object>> resources = render("local");
        Map<String, Object> gateway = find(resources, "Deployment", "gateway");
        Map<String, Object> container = Yamls.maps(Yamls.path(gateway, "spec", "template", "spec").get("containers")).get(0);
        container.put("image", "pledgeworks/gateway:latest");
        Yamls.map(find(resources, "ConfigMap", "gateway-config"), "data").remove("PLEDGE_SERVICE_URL");
        Yamls.map(find(resources, "KafkaTopic", "notifications"), "spec").put("partitions", 6);
        Map<String, Object> open = find(resources, "NetworkPolicy", "allow-within-pledgeworks");
        Yamls.maps(Yamls.map(open, "spec").get("ingress")).get(0).put("from", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0"))));

        assertThat(String.join("\n", Checks.kubernetes(resources)))
                .contains("pledgeworks/gateway:latest", "gateway: PLEDGE_SERVICE_URL", "notifications",
                        "allow-within-pledgeworks admits traffic from outside");
    }

    @Test
    void aComposeServiceWithoutHealthCheckOrWithAFloatingImageIsReported() {
        Map<String, Object> compose = compose();
        Map<String, Object> services = Yamls.map(compose, "services");
        Yamls.map(services, "pledge-service").remove("healthcheck");
        Yamls.map(services, "mailpit").put("image", "axllent/mailpit");
        Yamls.map(Yamls.map(services, "notification-service"), "environment").remove("SMTP_HOST");
        Yamls.map(Yamls.map(services, "kafka-init"), "environment").put("TOPICS", "campaigns:3:- pledges:6:604800000");

        assertThat(String.join("\n", Checks.compose(compose)))
                .contains("pledge-service: no healthcheck", "axllent/mailpit", "notification-service: SMTP_HOST",
                        "kafka-init topics");
    }

    // ---------------------------------------------------------------- the checks

    static final class Checks {

        private Checks() {
        }

        /** Null when the reference names a version; else what is wrong with it. */
        static String imageProblem(String image) {
            String tag = Kustomize.tag(image);
            if (image.contains("@sha256:")) {
                return null;
            }
            if (tag == null) {
                return image + " has no tag";
            }
            if (tag.equals("latest") || !tag.matches(".*\\d.*")) {
                return image + " is not pinned to a version";
            }
            return null;
        }

        static List<String> compose(Map<String, Object> compose) {
            List<String> problems = new ArrayList<>();
            Map<String, Object> services = Yamls.map(compose, "services");
            Map<String, Set<String>> required = requiredSettings();
            Map<String, Map<String, String>> read = settingsRead();
            Map<String, List<String>> replicasOf = new LinkedHashMap<>();
            services.forEach((name, value) -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> service = (Map<String, Object>) value;
                String image = (String) service.get("image");
                if (image == null) {
                    problems.add(name + ": no image");
                } else if (imageProblem(image) != null) {
                    problems.add(name + ": " + imageProblem(image));
                }
                boolean job = "no".equals(String.valueOf(service.get("restart")));
                if (!job && Yamls.path(service, "healthcheck") == null) {
                    problems.add(name + ": no healthcheck");
                }
                Map<String, Object> dependsOn = Yamls.path(service, "depends_on");
                if (dependsOn != null) {
                    dependsOn.forEach((dependency, condition) -> {
                        Object wanted = condition instanceof Map<?, ?> map ? map.get("condition") : null;
                        if (!"service_healthy".equals(wanted) && !"service_completed_successfully".equals(wanted)) {
                            problems.add(name + ": depends on " + dependency + " without a health condition");
                        }
                    });
                }
                String commands = String.valueOf(service.get("command")) + service.get("entrypoint");
                if (Pattern.compile("\\bsleep\\s+\\d").matcher(commands).find()) {
                    problems.add(name + ": waits with sleep instead of a health condition");
                }
                if (image != null && image.startsWith("pledgeworks/")) {
                    String module = Kustomize.repository(image).substring("pledgeworks/".length());
                    replicasOf.computeIfAbsent(module, key -> new ArrayList<>()).add(name);
                    Map<String, Object> deploy = Yamls.path(service, "deploy");
                    int replicas = deploy != null && deploy.get("replicas") instanceof Integer n ? n : 1;
                    for (int i = 1; i < replicas; i++) {
                        replicasOf.get(module).add(name + "#" + (i + 1));
                    }
                    Map<String, Object> environment = Yamls.path(service, "environment");
                    problems.addAll(settings(name, environment == null ? Map.of() : environment, read.get(module),
                            required.get(module)));
                }
            });
            for (String module : SERVICES) {
                if (replicasOf.getOrDefault(module, List.of()).size() < 2) {
                    problems.add(module + ": fewer than two replicas " + replicasOf.get(module));
                }
            }
            // Kafka: three KRaft brokers with the durability settings
            List<Map<String, Object>> brokers = services.values().stream().map(Checks::asMap)
                    .filter(service -> Yamls.path(service, "environment") != null
                            && Yamls.path(service, "environment").containsKey("KAFKA_PROCESS_ROLES"))
                    .toList();
            if (brokers.size() != 3) {
                problems.add("kafka: " + brokers.size() + " brokers, not 3");
            }
            for (Map<String, Object> broker : brokers) {
                Map<String, Object> env = Yamls.path(broker, "environment");
                expect(problems, "kafka", env, Map.of("KAFKA_DEFAULT_REPLICATION_FACTOR", "3", "KAFKA_MIN_INSYNC_REPLICAS", "2",
                        "KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false", "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false"));
            }
            Map<String, Object> init = Yamls.path(services, "kafka-init", "environment");
            Set<String> topics = init == null ? Set.of()
                    : Set.of(String.valueOf(init.get("TOPICS")).trim().split("\\s+"));
            Set<String> expected = KafkaTopics.PLEDGEWORKS.stream().map(topic -> topic.name() + ":" + topic.partitions() + ":"
                    + topic.retention().map(retention -> Long.toString(retention.toMillis())).orElse("-"))
                    .collect(Collectors.toSet());
            if (!topics.equals(expected)) {
                problems.add("kafka-init topics " + new TreeSet<>(topics) + " are not the launcher's " + new TreeSet<>(expected));
            }
            // MongoDB: a replica set of three, initiated before any service starts
            long mongods = services.values().stream().map(Checks::asMap)
                    .filter(service -> String.valueOf(service.get("command")).contains("--replSet")).count();
            if (mongods != 3) {
                problems.add("mongodb: " + mongods + " replica set members, not 3");
            }
            for (String module : List.of(LocalStack.CAMPAIGN_SERVICE, LocalStack.PLEDGE_SERVICE, LocalStack.NOTIFICATION_SERVICE)) {
                Map<String, Object> dependsOn = Yamls.path(services, module, "depends_on");
                for (String init2 : List.of("kafka-init", "mongo-init")) {
                    if (dependsOn == null || !dependsOn.containsKey(init2)) {
                        problems.add(module + ": does not wait for " + init2);
                    }
                }
            }
            return problems;
        }

        static List<String> kubernetes(List<Map<String, Object>> resources) {
            List<String> problems = new ArrayList<>();
            Map<String, Set<String>> required = requiredSettings();
            Map<String, Map<String, String>> read = settingsRead();
            Map<String, Map<String, Object>> configMaps = byName(resources, "ConfigMap");
            Map<String, Map<String, Object>> secrets = byName(resources, "Secret");

            for (Map<String, Object> resource : resources) {
                Yamls.walk(resource, (map, key, value) -> {
                    if (key.equals("image") && value instanceof String image && imageProblem(image) != null) {
                        problems.add(Kustomize.name(resource) + ": " + imageProblem(image));
                    }
                });
            }
            Set<String> deployed = new TreeSet<>();
            for (Map<String, Object> deployment : kind(resources, "Deployment")) {
                String name = Kustomize.name(deployment);
                deployed.add(name);
                Map<String, Object> podLabels = Yamls.path(deployment, "spec", "template", "metadata", "labels");
                for (Map<String, Object> container : Yamls.maps(Yamls.path(deployment, "spec", "template", "spec").get("containers"))) {
                    for (String probe : List.of("readinessProbe", "livenessProbe")) {
                        Map<String, Object> get = Yamls.path(container, probe, "httpGet");
                        if (get == null) {
                            problems.add(name + ": no " + probe);
                        } else if (!String.valueOf(get.get("path")).startsWith("/actuator/health/")) {
                            problems.add(name + ": " + probe + " is not on the actuator's health");
                        }
                    }
                    for (String bound : List.of("requests", "limits")) {
                        Map<String, Object> values = Yamls.path(container, "resources", bound);
                        if (values == null || !values.containsKey("cpu") || !values.containsKey("memory")) {
                            problems.add(name + ": no " + bound + " for cpu and memory");
                        }
                    }
                    if (SERVICES.contains(name)) {
                        Map<String, Object> environment = new LinkedHashMap<>();
                        for (Map<String, Object> from : Yamls.maps(container.get("envFrom"))) {
                            Map<String, Object> ref = from.containsKey("configMapRef") ? Yamls.path(from, "configMapRef")
                                    : Yamls.path(from, "secretRef");
                            Map<String, Object> source = (from.containsKey("configMapRef") ? configMaps : secrets)
                                    .get(ref.get("name"));
                            if (source == null) {
                                problems.add(name + ": envFrom " + ref.get("name") + " does not exist");
                            } else {
                                environment.putAll(Yamls.map(source, "data"));
                            }
                        }
                        for (Map<String, Object> variable : Yamls.maps(container.get("env"))) {
                            environment.put((String) variable.get("name"),
                                    variable.containsKey("valueFrom") ? "(from " + variable.get("valueFrom") + ")" : variable.get("value"));
                        }
                        problems.addAll(settings(name, environment, read.get(name), required.get(name)));
                    }
                }
                if (kind(resources, "PodDisruptionBudget").stream().noneMatch(pdb -> selects(pdb, podLabels))) {
                    problems.add(name + ": no PodDisruptionBudget");
                }
                if (kind(resources, "HorizontalPodAutoscaler").stream()
                        .noneMatch(hpa -> name.equals(Yamls.path(hpa, "spec", "scaleTargetRef").get("name"))
                                && ((Integer) Yamls.path(hpa, "spec").get("minReplicas")) >= 2)) {
                    problems.add(name + ": no HorizontalPodAutoscaler keeping two or more");
                }
            }
            // beyond the partitions of the topic it fans out on, a notification-service replica idles
            int notificationsPartitions = KafkaTopics.PLEDGEWORKS.stream().filter(topic -> topic.name().equals("notifications"))
                    .mapToInt(TopicSpec::partitions).findFirst().orElseThrow();
            for (Map<String, Object> hpa : kind(resources, "HorizontalPodAutoscaler")) {
                if (LocalStack.NOTIFICATION_SERVICE.equals(Yamls.path(hpa, "spec", "scaleTargetRef").get("name"))
                        && (Integer) Yamls.path(hpa, "spec").get("maxReplicas") > notificationsPartitions) {
                    problems.add("notification-service: HPA maxReplicas above the " + notificationsPartitions
                            + " partitions of notifications");
                }
            }
            if (!deployed.containsAll(SERVICES)) {
                problems.add("Deployments " + deployed + " do not include every service " + SERVICES);
            }
            problems.addAll(kafka(resources));
            problems.addAll(networkPolicies(resources));
            for (Map<String, Object> ingress : kind(resources, "Ingress")) {
                Yamls.walk(ingress, (map, key, value) -> {
                    if (key.equals("service") && value instanceof Map<?, ?> service && !"gateway".equals(service.get("name"))) {
                        problems.add("Ingress " + Kustomize.name(ingress) + " routes to " + service.get("name"));
                    }
                });
            }
            List<Map<String, Object>> mongo = kind(resources, "MongoDBCommunity");
            if (mongo.size() != 1 || !Integer.valueOf(3).equals(Yamls.path(mongo.get(0), "spec").get("members"))) {
                problems.add("MongoDB: not one MongoDBCommunity replica set of 3 members");
            }
            return problems;
        }

        private static List<String> kafka(List<Map<String, Object>> resources) {
            List<String> problems = new ArrayList<>();
            Set<String> topics = new TreeSet<>();
            for (Map<String, Object> topic : kind(resources, "KafkaTopic")) {
                Map<String, Object> spec = Yamls.path(topic, "spec");
                Map<String, Object> config = Optional.ofNullable(Yamls.path(spec, "config")).orElse(Map.of());
                topics.add(spec.getOrDefault("topicName", Kustomize.name(topic)) + ":" + spec.get("partitions") + ":"
                        + Optional.ofNullable(config.get("retention.ms")).map(String::valueOf).orElse("-"));
                if (!Integer.valueOf(3).equals(spec.get("replicas")) || !Integer.valueOf(2).equals(config.get("min.insync.replicas"))) {
                    problems.add("KafkaTopic " + Kustomize.name(topic) + ": not 3 replicas with min.insync.replicas 2");
                }
            }
            Set<String> expected = KafkaTopics.PLEDGEWORKS.stream().map(topic -> topic.name() + ":" + topic.partitions() + ":"
                    + topic.retention().map(retention -> Long.toString(retention.toMillis())).orElse("-"))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!topics.equals(expected)) {
                problems.add("KafkaTopics " + topics + " are not the launcher's " + expected);
            }
            List<Map<String, Object>> clusters = kind(resources, "Kafka");
            if (clusters.size() != 1) {
                problems.add("not one Strimzi Kafka cluster");
            } else {
                Map<String, Object> cluster = clusters.get(0);
                if (!"enabled".equals(Yamls.path(cluster, "metadata", "annotations").get("strimzi.io/kraft"))) {
                    problems.add("Kafka: not KRaft");
                }
                Map<String, Object> config = Yamls.path(cluster, "spec", "kafka", "config");
                expect(problems, "Kafka", config, Map.of("default.replication.factor", "3", "min.insync.replicas", "2",
                        "unclean.leader.election.enable", "false", "auto.create.topics.enable", "false"));
                int controllers = 0;
                int brokers = 0;
                for (Map<String, Object> pool : kind(resources, "KafkaNodePool")) {
                    List<String> roles = Yamls.strings(Yamls.path(pool, "spec").get("roles"));
                    int replicas = (Integer) Yamls.path(pool, "spec").get("replicas");
                    controllers += roles.contains("controller") ? replicas : 0;
                    brokers += roles.contains("broker") ? replicas : 0;
                }
                if (controllers < 3 || brokers < 3) {
                    problems.add("Kafka node pools: " + controllers + " controllers, " + brokers + " brokers (want 3 and 3)");
                }
            }
            return problems;
        }

        /**
         * A default deny for every pod, and every rule that admits a peer from outside the namespace
         * (no from, an ipBlock, a namespaceSelector) applies to the gateway's pods alone; the one
         * exception: Prometheus pods of the monitoring namespace, on actuator ports only.
         */
        private static List<String> networkPolicies(List<Map<String, Object>> resources) {
            List<String> problems = new ArrayList<>();
            List<Map<String, Object>> policies = kind(resources, "NetworkPolicy");
            boolean defaultDeny = policies.stream().anyMatch(policy -> {
                Map<String, Object> spec = Yamls.path(policy, "spec");
                return Yamls.path(spec, "podSelector") != null && Yamls.path(spec, "podSelector").isEmpty()
                        && Yamls.strings(spec.get("policyTypes")).contains("Ingress") && spec.get("ingress") == null;
            });
            if (!defaultDeny) {
                problems.add("NetworkPolicy: no default deny of ingress for every pod");
            }
            Set<Integer> actuatorPorts = new TreeSet<>(actuatorPorts().values());
            for (Map<String, Object> policy : policies) {
                Map<String, Object> spec = Yamls.path(policy, "spec");
                Map<String, Object> selected = Optional.ofNullable(Yamls.path(spec, "podSelector", "matchLabels")).orElse(Map.of());
                boolean gatewayOnly = "gateway".equals(selected.get("app.kubernetes.io/name"));
                for (Map<String, Object> rule : Yamls.maps(spec.get("ingress"))) {
                    List<Map<String, Object>> peers = Yamls.maps(rule.get("from"));
                    for (Map<String, Object> peer : peers.isEmpty() ? List.<Map<String, Object>>of(Map.of("anyone", true)) : peers) {
                        boolean outside = peer.containsKey("anyone") || peer.containsKey("ipBlock") || peer.containsKey("namespaceSelector");
                        if (!outside || gatewayOnly) {
                            continue;
                        }
                        Map<String, Object> namespace = Optional.ofNullable(Yamls.path(peer, "namespaceSelector", "matchLabels")).orElse(Map.of());
                        Map<String, Object> pods = Optional.ofNullable(Yamls.path(peer, "podSelector", "matchLabels")).orElse(Map.of());
                        Set<Integer> ports = Yamls.maps(rule.get("ports")).stream().map(port -> (Integer) port.get("port"))
                                .collect(Collectors.toCollection(TreeSet::new));
                        boolean prometheus = "monitoring".equals(namespace.get("kubernetes.io/metadata.name"))
                                && "prometheus".equals(pods.get("app.kubernetes.io/name")) && !peer.containsKey("ipBlock")
                                && !ports.isEmpty() && actuatorPorts.containsAll(ports);
                        if (!prometheus) {
                            problems.add("NetworkPolicy " + Kustomize.name(policy) + " admits traffic from outside the namespace"
                                    + " to pods other than the gateway: " + peer);
                        }
                    }
                }
            }
            return problems;
        }

        /** Every setting the service reads is declared; the required ones have a value. */
        private static List<String> settings(String where, Map<String, Object> environment, Map<String, String> read,
                Set<String> required) {
            List<String> problems = new ArrayList<>();
            for (String variable : read.keySet()) {
                if (!environment.containsKey(variable)) {
                    problems.add(where + ": " + variable + " (read by its application.yml) is not set");
                }
            }
            for (String variable : required) {
                Object value = environment.get(variable);
                if (value == null || String.valueOf(value).isBlank()) {
                    problems.add(where + ": " + variable + " (no default, or set by the launcher) has no value");
                }
            }
            return problems;
        }

        private static void expect(List<String> problems, String where, Map<String, Object> actual, Map<String, String> wanted) {
            wanted.forEach((key, value) -> {
                if (actual == null || !value.equals(String.valueOf(actual.get(key)))) {
                    problems.add(where + ": " + key + " is " + (actual == null ? null : actual.get(key)) + ", not " + value);
                }
            });
        }

        private static boolean selects(Map<String, Object> pdb, Map<String, Object> podLabels) {
            Map<String, Object> selector = Yamls.path(pdb, "spec", "selector", "matchLabels");
            return selector != null && !selector.isEmpty() && podLabels != null
                    && selector.entrySet().stream().allMatch(entry -> Objects.equals(podLabels.get(entry.getKey()), entry.getValue()));
        }

        private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> resources, String kind) {
            Map<String, Map<String, Object>> named = new HashMap<>();
            kind(resources, kind).forEach(resource -> named.put(Kustomize.name(resource), resource));
            return named;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> asMap(Object value) {
            return (Map<String, Object>) value;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> compose() {
        return Yamls.one(INFRA.resolve("compose.yaml"));
    }

    private static List<Map<String, Object>> render(String overlay) {
        return new ArrayList<>(Kustomize.build(INFRA.resolve("k8s/overlays").resolve(overlay)));
    }

    static List<Map<String, Object>> kind(List<Map<String, Object>> resources, String kind) {
        return resources.stream().filter(resource -> kind.equals(resource.get("kind"))).toList();
    }

    private static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return kind(resources, kind).stream().filter(resource -> name.equals(Kustomize.name(resource))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static final Path KIT = HOME.resolve("service-kit/src/main/java");

    /** The kit's string constants by name: a service may declare a topic with one. */
    private static final Map<String, String> KIT_CONSTANTS = kitConstants();

    private static Map<String, String> kitConstants() {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = Pattern.compile("static final String (\\w+) = \"([^\"]*)\";")
                .matcher(javaSources(KIT).collect(Collectors.joining("\n")));
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        return constants;
    }

    /**
     * A meter the kit builds for a service: {@code notification.events.dead.lettered} is
     * {@code prefix + ".events.dead.lettered"} in the kit, the prefix being the service's
     * {@code spring.application.name} without {@code -service} (the kit's ListenerAutoConfiguration).
     */
    private static boolean madeByTheKit(String meter) {
        String kit = javaSources(KIT).collect(Collectors.joining("\n"));
        Matcher suffix = Pattern.compile("\\w+ \\+ \"(\\.[a-z.]+)\"").matcher(kit);
        while (suffix.find()) {
            String prefix = meter.endsWith(suffix.group(1)) ? meter.substring(0, meter.length() - suffix.group(1).length()) : null;
            if (prefix != null && SERVICES.contains(prefix + "-service")
                    && text(HOME.resolve(prefix + "-service/src/main/resources/application.yml"))
                            .contains("name: " + prefix + "-service")) {
                return true;
            }
        }
        return false;
    }

    private static Stream<String> javaSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList().stream().map(ManifestsTest::text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
