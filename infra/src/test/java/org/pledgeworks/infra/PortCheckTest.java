package org.pledgeworks.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aTakenPortIsOneLineNamingItsUserAndItsVariable() throws Exception {
        try (ServerSocket taken = listening()) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PortCheck.requireFree(List.of(new PortClaim("kafka", port, "PLEDGEWORKS_KAFKA_PORT"))))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " for kafka is already in use — stop what uses it or set PLEDGEWORKS_KAFKA_PORT");
        }
    }

    @Test
    void theFirstTakenPortIsReported() throws Exception {
        try (ServerSocket taken = listening()) {
            int free = freePort();
            List<PortClaim> claims = List.of(new PortClaim("mongodb", free, "PLEDGEWORKS_MONGO_PORT"),
                    new PortClaim("the gateway", taken.getLocalPort(), "PLEDGEWORKS_GATEWAY_PORT"));

            assertThatThrownBy(() -> PortCheck.requireFree(claims))
                    .isInstanceOfSatisfying(PortInUseException.class,
                            e -> assertThat(e.claim().variable()).isEqualTo("PLEDGEWORKS_GATEWAY_PORT"));
        }
    }

    @Test
    void aPortSetForTwoThingsIsRefusedBeforeAnythingBinds() {
        int port = freePort();
        List<PortClaim> claims = List.of(new PortClaim("mongodb", port, "PLEDGEWORKS_MONGO_PORT"),
                new PortClaim("the gateway", port, "PLEDGEWORKS_GATEWAY_PORT"));

        assertThatThrownBy(() -> PortCheck.requireFree(claims))
                .isInstanceOf(ConfigException.class)
                .hasMessage("port " + port + " is set for both mongodb (PLEDGEWORKS_MONGO_PORT) and the gateway (PLEDGEWORKS_GATEWAY_PORT)");
    }

    @Test
    void freePortsPass() {
        PortCheck.requireFree(List.of(new PortClaim("kafka", freePort(), "PLEDGEWORKS_KAFKA_PORT")));
    }

    @Test
    void aPortTakenOnAllInterfacesIsTakenOnLoopbackToo() throws Exception {
        try (ServerSocket wildcard = new ServerSocket()) {
            wildcard.bind(new InetSocketAddress(0));

            assertThat(PortCheck.isFree(wildcard.getLocalPort())).isFalse();
        }
    }

    static ServerSocket listening() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        return socket;
    }

    static int freePort() {
        return Ports.free().kafka();
    }
}
