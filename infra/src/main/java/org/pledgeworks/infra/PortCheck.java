package org.pledgeworks.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every port before anything starts, so a clash is one clear line instead of a broker
 * stack trace halfway through startup.
 */
public final class PortCheck {

    private PortCheck() {
    }

    /** @throws ConfigException for the first port configured twice or already taken */
    public static void requireFree(List<PortClaim> claims) {
        Map<Integer, PortClaim> seen = new HashMap<>();
        for (PortClaim claim : claims) {
            PortClaim other = seen.putIfAbsent(claim.port(), claim);
            if (other != null) {
                throw new ConfigException("port " + claim.port() + " is set for both " + other.what() + " ("
                        + other.variable() + ") and " + claim.what() + " (" + claim.variable() + ")");
            }
        }
        Optional<PortClaim> taken = claims.stream().filter(claim -> !isFree(claim.port())).findFirst();
        if (taken.isPresent()) {
            throw new PortInUseException(taken.get());
        }
    }

    /**
     * Binds the port on 127.0.0.1 for a moment. SO_REUSEADDR stays on (Java's default here), so a
     * port that the previous run left in TIME_WAIT still counts as free, as it does for the
     * servers that will bind it.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(StackConfig.HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
