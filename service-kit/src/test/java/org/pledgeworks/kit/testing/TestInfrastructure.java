package org.pledgeworks.kit.testing;

import java.net.InetSocketAddress;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real KRaft broker and one MongoDB wire-protocol server per test JVM, both on random ports on
 * 127.0.0.1 and reached over TCP by the real clients. Started on first use, stopped when the JVM exits.
 * A service's {@code ServiceIT} points {@code spring.kafka.bootstrap-servers} and {@code spring.mongodb.uri}
 * here.
 */
public final class TestInfrastructure {

    /** Pledges and notifications carry names and addresses: a week, as the launcher creates them. */
    private static final String SEVEN_DAYS_MS = "604800000";

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.afterPropertiesSet();
            // the whole catalogue of docs/events.md, as the launcher creates it: a test may consume a topic
            // another service owns, and a service's own topic beans find theirs already there
            catalogue("campaigns", 3, Map.of());
            catalogue("pledges", 6, Map.of(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS));
            catalogue("notifications", 12, Map.of(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS));
            // the gateway publishes it; notification-service and campaign-service consume it in their own JVMs
            catalogue("staff", 3, Map.of(TopicConfig.RETENTION_MS_CONFIG, SEVEN_DAYS_MS));
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoServer(new IdLookupMemoryBackend());
            mongo.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        InetSocketAddress address = mongo.getLocalAddress();
        // bounded waits: at JVM exit the server may go before the service's last writes
        return "mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=5000&socketTimeoutMS=30000";
    }

    private static void catalogue(String name, int partitions, Map<String, String> configs) {
        kafka.addTopics(new NewTopic(name, partitions, (short) 1).configs(configs));
        kafka.addTopics(new NewTopic(name + ".dlt", partitions, (short) 1).configs(configs));
    }
}
