package org.pledgeworks.infra;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.pledgeworks.infra.process.ClassDataSharing;
import org.pledgeworks.infra.process.HttpProbe;
import org.pledgeworks.infra.process.Readiness.Waiting;

/**
 * The stack's second phase, on a running broker and database: the three services side by side (with
 * as many notification-service instances as configured), then the gateway in front of them. Each
 * gets its settings as environment variables, and its AppCDS archive when one was made.
 */
final class ServicesStart {

    /** Stopped before the infrastructure, after the gateway. */
    static final int SERVICES_TIER = 1;
    /** Stopped first. */
    static final int GATEWAY_TIER = 2;

    private final StackConfig config;
    private final Children children;
    private final ClassDataSharing appCds;
    private final Map<String, ClassDataSharing.Service> trainable = new ConcurrentHashMap<>();

    ServicesStart(StackConfig config, Children children, ClassDataSharing appCds) {
        this.config = config;
        this.children = children;
        this.appCds = appCds;
    }

    void start(String mongoUri, String kafka, StartProgress progress) {
        Ports ports = config.ports();
        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("MONGODB_URI", mongoUri);
        String publicBaseUrl = local(ports.gateway());
        common.put("PUBLIC_BASE_URL", publicBaseUrl);
        common.put("PLEDGEWORKS_TOKEN_SECRET", TokenSecret.of(config));
        // staff tokens: the gateway issues them on the embedded default, every service checks them itself
        common.put("PLEDGEWORKS_JWT_ISSUER", publicBaseUrl);
        common.put("PLEDGEWORKS_JWK_SET_URI", publicBaseUrl + "/.well-known/jwks.json");
        common.put("PLEDGEWORKS_DATA_DIR", config.dataDir().toAbsolutePath().toString());
        common.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");

        Map<String, String> mail = new HashMap<>(common);
        StackConfig.Smtp smtp = config.smtp()
                .orElse(new StackConfig.Smtp(StackConfig.HOST, ports.smtp(), Optional.empty(), Optional.empty()));
        mail.put("SMTP_HOST", smtp.host());
        mail.put("SMTP_PORT", Integer.toString(smtp.port()));
        smtp.username().ifPresent(username -> mail.put("SMTP_USERNAME", username));
        smtp.password().ifPresent(password -> mail.put("SMTP_PASSWORD", password));

        List<String> modules = config.startedServices();
        List<Waiting> tier1 = new java.util.ArrayList<>();
        if (modules.contains(LocalStack.CAMPAIGN_SERVICE)) {
            tier1.add(service(LocalStack.CAMPAIGN_SERVICE, LocalStack.CAMPAIGN_SERVICE, SERVICES_TIER, ports.campaign(), common));
        }
        if (modules.contains(LocalStack.PLEDGE_SERVICE)) {
            tier1.add(service(LocalStack.PLEDGE_SERVICE, LocalStack.PLEDGE_SERVICE, SERVICES_TIER, ports.pledge(), common));
        }
        if (modules.contains(LocalStack.NOTIFICATION_SERVICE)) {
            // extra instances: same jar, same consumer group (Kafka splits the partitions between
            // them), own port and log file; the gateway keeps routing to the first
            List<Integer> notificationPorts = config.notificationPorts();
            for (int i = 0; i < notificationPorts.size(); i++) {
                tier1.add(service(StackConfig.notificationInstanceName(i), LocalStack.NOTIFICATION_SERVICE, SERVICES_TIER,
                        notificationPorts.get(i), mail));
            }
        }
        progress.awaitAll(tier1);
        if (!modules.contains(LocalStack.GATEWAY)) {
            return;
        }

        Map<String, String> gateway = new HashMap<>(common);
        gateway.put("CAMPAIGN_SERVICE_URL", local(ports.campaign()));
        gateway.put("PLEDGE_SERVICE_URL", local(ports.pledge()));
        gateway.put("NOTIFICATION_SERVICE_URL", local(ports.notification()));
        gateway.put("MANAGEMENT_PORT", Integer.toString(ports.management()));
        progress.awaitAll(List.of(service(LocalStack.GATEWAY, LocalStack.GATEWAY, GATEWAY_TIER, ports.gateway(), gateway)));
    }

    private Waiting service(String name, String module, int tier, int port, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        List<String> command = appCds.command(module, config.serviceJavaOptions(), config.jar(module));
        trainable.putIfAbsent(module, new ClassDataSharing.Service(module, config.jar(module), env));
        URI readiness = URI.create(local(port) + "/actuator/health/readiness");
        return children.launch(name, tier, command, env, () -> new HttpProbe(readiness));
    }

    /** The services started so far, each once, with the environment it ran with: what an AppCDS training run needs. */
    List<ClassDataSharing.Service> started() {
        return List.copyOf(trainable.values());
    }

    static String local(int port) {
        return "http://" + StackConfig.HOST + ":" + port;
    }
}
