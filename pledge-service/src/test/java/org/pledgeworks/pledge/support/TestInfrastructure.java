package org.pledgeworks.pledge.support;

import java.net.InetSocketAddress;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real KRaft broker and one MongoDB wire-protocol server per test JVM, both on random ports and
 * reached over TCP by the real clients. Started on first use, stopped when the JVM exits.
 */
public final class TestInfrastructure {

    private static final Map<String, Integer> TOPICS = Map.of("campaigns", 3, "pledges", 6, "notifications", 12);

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.afterPropertiesSet();
            // the whole catalogue, as the launcher creates it: a test may consume a topic another service owns
            TOPICS.forEach((name, partitions) -> {
                kafka.addTopics(new NewTopic(name, partitions, (short) 1));
                kafka.addTopics(new NewTopic(name + ".dlt", partitions, (short) 1));
            });
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow));
        }
        InetSocketAddress address = mongo.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
