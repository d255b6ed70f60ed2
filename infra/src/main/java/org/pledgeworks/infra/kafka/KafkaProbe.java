package org.pledgeworks.infra.kafka;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.pledgeworks.infra.process.Probe;

/**
 * Ready when an AdminClient can describe the cluster and sees a broker: the broker has joined its
 * own KRaft quorum and serves metadata, which is what producers and topic creation need.
 */
public final class KafkaProbe implements Probe {

    private final String bootstrapServers;
    private Admin admin;

    public KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public boolean isReady() throws Exception {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "pledgeworks-launcher-probe");
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
            admin = Admin.create(props);
        }
        return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                .nodes().get(4, TimeUnit.SECONDS).isEmpty();
    }

    @Override
    public String target() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
