package org.pledgeworks.infra.process;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} pairs, for the small main classes the launcher starts as children. */
public final class Arguments {

    private Arguments() {
    }

    public static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
