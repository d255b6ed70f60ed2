package org.pledgeworks.notification.mail;

/** Message-IDs made from a delivery's id, so every attempt at one delivery carries the same one. */
public final class MessageIds {

    private MessageIds() {
    }

    /** {@code 0b9d…:verification} at {@code pledgeworks.local} → {@code <0b9d….verification@pledgeworks.local>} */
    public static String of(String deliveryId, String domain) {
        // RFC 5322 dot-atom: letters, digits and a few symbols, dots only between them. By hand rather
        // than by two regular expressions: a fan-out makes one per recipient.
        StringBuilder local = new StringBuilder(deliveryId.length());
        boolean gap = false;
        for (int i = 0; i < deliveryId.length(); i++) {
            char c = deliveryId.charAt(i);
            if (atomChar(c)) {
                if (gap && !local.isEmpty()) {
                    local.append('.');
                }
                local.append(c);
                gap = false;
            }
            else {
                gap = true;
            }
        }
        if (local.isEmpty()) {
            throw new IllegalArgumentException("no usable characters in a delivery id");
        }
        return "<" + local + "@" + domain + ">";
    }

    private static boolean atomChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '='
                || c == '+' || c == '-';
    }
}
