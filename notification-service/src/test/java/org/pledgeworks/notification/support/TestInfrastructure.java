package org.pledgeworks.notification.support;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real KRaft broker, one MongoDB wire-protocol server and one SMTP server per test JVM, all on
 * random ports on 127.0.0.1 and reached over TCP by the real clients. Started on first use, stopped
 * when the JVM exits.
 */
public final class TestInfrastructure {

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static MailCatcher smtp;
    private static FakeProvider provider;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperty("auto.create.topics.enable", "false");
            kafka.afterPropertiesSet();
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

    /** WireMock as the HTTP email provider, accepting everything unless a test stubs otherwise. */
    public static synchronized FakeProvider provider() {
        if (provider == null) {
            provider = FakeProvider.start(20);
            provider.acceptEverything();
            Runtime.getRuntime().addShutdownHook(new Thread(provider::stop));
        }
        return provider;
    }

    public static synchronized MailCatcher smtp() {
        if (smtp == null) {
            smtp = MailCatcher.start();
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        }
        return smtp;
    }
}
