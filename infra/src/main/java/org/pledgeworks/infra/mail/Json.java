package org.pledgeworks.infra.mail;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Just enough JSON writing for the inbox API, so the launcher's class path needs no JSON library. */
final class Json {

    private Json() {
    }

    static String messages(List<CaughtMessage> messages) {
        StringBuilder out = new StringBuilder("[");
        for (Iterator<CaughtMessage> it = messages.iterator(); it.hasNext(); ) {
            message(out, it.next());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        return out.append(']').toString();
    }

    /** {@code {"ada@example.org": ["<message-id>", ...], ...}} */
    static String receivedBy(Map<String, List<String>> receivedBy) {
        StringBuilder out = new StringBuilder("{");
        for (Iterator<Map.Entry<String, List<String>>> it = receivedBy.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<String>> recipient = it.next();
            out.append(string(recipient.getKey())).append(':').append(strings(recipient.getValue()));
            if (it.hasNext()) {
                out.append(',');
            }
        }
        return out.append('}').toString();
    }

    static String message(CaughtMessage message) {
        StringBuilder out = new StringBuilder();
        message(out, message);
        return out.toString();
    }

    private static void message(StringBuilder out, CaughtMessage m) {
        out.append("{\"id\":").append(string(m.id()))
                .append(",\"from\":").append(string(m.from()))
                .append(",\"to\":").append(strings(m.to()))
                .append(",\"subject\":").append(string(m.subject()))
                .append(",\"receivedAt\":").append(string(m.receivedAt().toString()))
                .append(",\"text\":").append(string(m.text()))
                .append(",\"html\":").append(string(m.html()))
                .append(",\"links\":").append(strings(m.links()))
                .append(",\"headers\":{");
        for (Iterator<Map.Entry<String, String>> it = m.headers().entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> header = it.next();
            out.append(string(header.getKey())).append(':').append(string(header.getValue()));
            if (it.hasNext()) {
                out.append(',');
            }
        }
        out.append("}}");
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (Iterator<String> it = values.iterator(); it.hasNext(); ) {
            out.append(string(it.next()));
            if (it.hasNext()) {
                out.append(',');
            }
        }
        return out.append(']').toString();
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // < and > too, so the JSON can never close a script element it is pasted into
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
