package org.pledgeworks.gateway.pages;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Lets the sites a campaign's staff named frame this one response (the embed), where every other page keeps
 * {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}: the security chain writes both before the
 * response is committed, and this replaces them just after, as {@link ImageSources} widens {@code img-src}.
 */
final class FrameAncestors {

    private static final String NONE = "frame-ancestors 'none'";

    /** What campaign-service lets staff save; anything else from it is dropped, never written into the policy. */
    private static final Pattern ORIGIN = Pattern.compile("https://[a-z0-9.-]+(:[0-9]{1,5})?"
            + "|http://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]{1,5})?");

    private FrameAncestors() {
    }

    static void allow(ServerHttpResponse response, Collection<String> origins) {
        String named = origins.stream().filter(o -> o != null && ORIGIN.matcher(o).matches()).distinct()
                .collect(Collectors.joining(" "));
        if (named.isEmpty()) {
            return;
        }
        response.beforeCommit(() -> {
            String policy = response.getHeaders().getFirst("Content-Security-Policy");
            if (policy != null && policy.contains(NONE)) {
                response.getHeaders().set("Content-Security-Policy", policy.replace(NONE, "frame-ancestors " + named));
                // frame-ancestors supersedes it in every browser that reads both; one that reads only this
                // header cannot be told a list, and would refuse the partner's frame
                response.getHeaders().remove("X-Frame-Options");
            }
            return Mono.empty();
        });
    }
}
