package org.pledgeworks.campaign.embeds;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.pledgeworks.campaign.system.InvalidInputException;
import org.pledgeworks.campaign.system.InvalidInputException.FieldProblem;

/**
 * The origins allowed to frame a campaign's embed, as a Content-Security-Policy source list takes them:
 * scheme, host and port, nothing else. https only, except loopback over http, where a partner tries the
 * snippet on their own machine. No wildcard: each site is named by the staff who trust it.
 */
final class EmbedOrigins {

    /** A partner's own site, its shop and its blog fit; a policy naming hundreds would outgrow proxies' header buffers. */
    static final int MAX = 20;

    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private EmbedOrigins() {
    }

    /** @return the origins normalised (lower case, no default port, no duplicates), in the order given */
    static List<String> normalise(List<String> given) {
        if (given == null) {
            throw new InvalidInputException("origins", "Give the list of sites, [] for none.");
        }
        if (given.size() > MAX) {
            throw new InvalidInputException("origins", "At most " + MAX + " sites may embed a campaign.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> origins = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String origin = origin(given.get(i));
            if (origin == null) {
                problems.add(new FieldProblem("origins[" + i + "]", "A site is https://host or https://host:port "
                        + "(http only for localhost), without a path."));
            }
            else {
                origins.add(origin);
            }
        }
        InvalidInputException.throwIfAny(problems);
        return List.copyOf(origins);
    }

    private static String origin(String value) {
        if (value == null || value.isBlank() || value.length() > 300) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.strip().replaceAll("/$", ""));
        }
        catch (java.net.URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
            return null;
        }
        boolean loopback = LOOPBACK.contains(host);
        if (!(scheme.equals("https") || (scheme.equals("http") && loopback))) {
            return null;
        }
        if (!loopback && !HOST.matcher(host).matches()) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
