package org.pledgeworks.gateway.edge;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Who the client is. The address that connected, unless that address is a trusted proxy: then the
 * nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy. A client-supplied
 * {@code X-Forwarded-For} is never believed otherwise — it would let anyone pick the address that
 * rate limits and pledge-service's per-address limits count against.
 */
@Component
public class ClientAddresses {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final Pattern trustedProxies;

    ClientAddresses(EdgeProperties properties) {
        this.trustedProxies = properties.trustedProxies().isBlank() ? null
                : Pattern.compile(properties.trustedProxies());
    }

    /** The address that connected, as text; "unknown" if the server cannot say. */
    static String remoteAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    boolean isTrustedProxy(String address) {
        return trustedProxies != null && trustedProxies.matcher(address).matches();
    }

    /** True when the request came through a proxy we trust, whose forwarded headers may be kept. */
    boolean cameThroughTrustedProxy(ServerHttpRequest request) {
        return isTrustedProxy(remoteAddress(request));
    }

    /** The client's address, for rate limits and for the first hop of {@code X-Forwarded-For}. */
    public String clientOf(ServerHttpRequest request) {
        String remote = remoteAddress(request);
        if (!isTrustedProxy(remote)) {
            return remote;
        }
        List<String> hops = forwardedHops(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isTrustedProxy(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? remote : hops.get(0);
    }

    static List<String> forwardedHops(ServerHttpRequest request) {
        List<String> hops = new ArrayList<>();
        List<String> values = request.getHeaders().get(X_FORWARDED_FOR);
        if (values != null) {
            for (String value : values) {
                for (String hop : value.split(",")) {
                    if (!hop.isBlank()) {
                        hops.add(hop.trim());
                    }
                }
            }
        }
        return hops;
    }
}
