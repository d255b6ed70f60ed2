package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The infrastructure half of the stack as real child processes: a KRaft broker from the Maven
 * Central jars, the MongoDB wire server and the mail catcher, on free ports in a temporary data
 * directory. Started twice, to show that nothing outlives close() and that the data stays.
 */
class LocalStackInfraIT {

    private static final Path HOME = StackConfig.findHome();

    @TempDir
    Path data;

    @Test
    void startsReadyStopsWithoutLeftoversAndKeepsItsDataForTheNextStart() throws Exception {
        StackConfig config = StackConfig.defaults(HOME).withDataDir(data).withFreePorts().withInfraOnly(true)
                .withStartTimeout(Duration.ofSeconds(90));
        List<ProcessHandle> processes = new ArrayList<>();

        try (LocalStack stack = new LocalStack(config, line -> System.out.println("[first] " + line))) {
            Endpoints endpoints = stack.start();

            assertThat(endpoints.servicesRunning()).isFalse();
            assertTopics(endpoints.kafkaBootstrapServers());
            send(endpoints.kafkaBootstrapServers(), "campaign-1", "{\"title\":\"Fair phones\"}");
            assertThat(receive(endpoints.kafkaBootstrapServers(), "first")).isEqualTo("{\"title\":\"Fair phones\"}");
            try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
                mongo.getDatabase("pledgeworks-pledges").getCollection("signatures").insertOne(new Document("_id", "s-1"));
            }
            assertThat(get(endpoints.inbox().orElseThrow().resolve("/health")).statusCode()).isEqualTo(200);
            assertThat(get(endpoints.inboxApi().orElseThrow()).body()).isEqualTo("[]");

            // stopped on purpose and started again (what a fault test does): not a failure
            stack.stop(LocalStack.MONGODB, Duration.ofSeconds(15));
            stack.restart(LocalStack.MONGODB);
            assertThat(stack.unexpectedExit()).isNotDone();

            for (String name : List.of(LocalStack.KAFKA, LocalStack.MONGODB, LocalStack.MAIL_CATCHER)) {
                processes.add(stack.process(name).orElseThrow());
            }
            // a child dying by itself is reported
            stack.process(LocalStack.MAIL_CATCHER).orElseThrow().destroyForcibly();
            assertThat(stack.unexpectedExit().get(10, TimeUnit.SECONDS))
                    .startsWith("mail-catcher stopped unexpectedly (exit code 137); its log is ");
        }

        for (ProcessHandle process : processes) {
            assertThat(process.onExit().get(5, TimeUnit.SECONDS).isAlive()).as(process.toString()).isFalse();
        }
        try (Stream<Path> pidFiles = Files.list(data.resolve("run"))) {
            assertThat(pidFiles).isEmpty();
        }

        // other ports, same data: the broker's storage is not formatted again, and nothing is lost
        try (LocalStack stack = new LocalStack(config.withFreePorts(), line -> System.out.println("[second] " + line))) {
            Endpoints endpoints = stack.start();

            assertThat(receive(endpoints.kafkaBootstrapServers(), "second")).isEqualTo("{\"title\":\"Fair phones\"}");
            try (MongoClient mongo = MongoClients.create(endpoints.mongoUri())) {
                assertThat(mongo.getDatabase("pledgeworks-pledges").getCollection("signatures")
                        .find(new Document("_id", "s-1")).first()).isNotNull();
            }
        }
        assertThat(Files.readString(data.resolve("logs/kafka.log"))).containsOnlyOnce("Formatting metadata directory");
    }

    private static void assertTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("campaigns", "campaigns.dlt", "pledges",
                    "pledges.dlt", "notifications", "notifications.dlt")).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).hasSize(6);
            assertThat(topics.get("campaigns").partitions()).hasSize(3);
            assertThat(topics.get("pledges.dlt").partitions()).hasSize(6);
            assertThat(topics.get("notifications").partitions()).hasSize(12);
            ConfigResource pledges = new ConfigResource(ConfigResource.Type.TOPIC, "pledges");
            assertThat(admin.describeConfigs(List.of(pledges)).all().get(30, TimeUnit.SECONDS).get(pledges)
                    .get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
        }
    }

    private static void send(String bootstrap, String key, String value) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("campaigns", key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static String receive(String bootstrap, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-it-" + group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of("campaigns"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value();
                }
            }
            return null;
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
