package org.pledgeworks.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Every port the local stack binds, all on 127.0.0.1. {@code management} is the gateway's actuator
 * port (metrics stay off the public port).
 */
public record Ports(int gateway, int campaign, int pledge, int notification, int kafka, int kafkaController,
        int mongo, int smtp, int inbox, int management) {

    public static Ports defaults() {
        return new Ports(8080, 8081, 8082, 8083, 9092, 9093, 27017, 2525, 8025, 9080);
    }

    /**
     * Ten distinct ports that are free right now, for tests that run beside a developer's stack.
     * Another process could take one before the stack binds it; the port check then says so.
     */
    public static Ports free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[10];
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress(StackConfig.HOST, 0));
                ports[i] = socket.getLocalPort();
            }
            return new Ports(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8],
                    ports[9]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do: it was only holding the number
                }
            });
        }
    }
}
