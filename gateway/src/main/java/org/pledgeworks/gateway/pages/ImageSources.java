package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The gateway's Content-Security-Policy allows images from this origin only. A rendered page that shows
 * images from elsewhere (a campaign's image, organisations' logos: https addresses staff gave, hot-linked,
 * never fetched by the gateway) lets in their origins, on that response alone. The policy is rewritten just
 * before the response is committed, after the security filter has written it.
 */
final class ImageSources {

    private static final String IMG_SRC = "img-src 'self' data:";

    private static final String ORIGIN = "https://[A-Za-z0-9.:\\[\\]-]+";

    /**
     * Past this many origins the page allows images from any https origin instead of naming them: a
     * coalition of 100 partners with logos on 100 hosts would make a policy of several kilobytes, and
     * proxies in front of the gateway refuse response headers that large (nginx's default buffer is 4 KB).
     */
    static final int MAX_NAMED_ORIGINS = 20;

    private ImageSources() {
    }

    /** @param images https addresses (from {@link Html#httpsUrl}); nulls are skipped */
    static void allow(ServerHttpResponse response, Collection<String> images) {
        Set<String> origins = new LinkedHashSet<>();
        images.stream().filter(Objects::nonNull).map(ImageSources::origin).filter(Objects::nonNull)
                .forEach(origins::add);
        if (origins.isEmpty()) {
            return;
        }
        String sources = origins.size() > MAX_NAMED_ORIGINS ? "https:" : String.join(" ", origins);
        response.beforeCommit(() -> {
            String policy = response.getHeaders().getFirst("Content-Security-Policy");
            if (policy != null && policy.contains(IMG_SRC)) {
                response.getHeaders().set("Content-Security-Policy", policy.replace(IMG_SRC, IMG_SRC + " " + sources));
            }
            return Mono.empty();
        });
    }

    private static String origin(String image) {
        try {
            String authority = URI.create(image).getRawAuthority();
            String origin = "https://" + authority;
            return authority != null && origin.matches(ORIGIN) ? origin.toLowerCase(Locale.ROOT) : null;
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
