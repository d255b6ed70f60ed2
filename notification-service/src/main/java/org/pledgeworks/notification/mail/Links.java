package org.pledgeworks.notification.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.pledgeworks.kit.events.MalformedEventException;

/** Links that go into an {@code href}: only absolute http(s) URLs may. */
public final class Links {

    private Links() {
    }

    public static void requireHttp(String type, String field, String value) {
        URI url;
        try {
            url = new URI(value);
        }
        catch (URISyntaxException e) {
            throw new MalformedEventException(type + " with a " + field + " that is not a URI");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
            throw new MalformedEventException(type + " with a " + field + " that is not an absolute http(s) URL");
        }
    }
}
