package org.pledgeworks.notification.mail;

/** Message-IDs made from a delivery's id, so every attempt at one delivery carries the same one. */
public final class MessageIds {

    private MessageIds() {
    }

    /** {@code 0b9d…:verification} at {@code pledgeworks.local} → {@code <0b9d….verification@pledgeworks.local>} */
    public static String of(String deliveryId, String domain) {
        // RFC 5322 dot-atom: letters, digits and a few symbols, dots only between them
        String local = deliveryId.replaceAll("[^A-Za-z0-9_=+-]+", ".").replaceAll("^\\.+|\\.+$", "");
        if (local.isEmpty()) {
            throw new IllegalArgumentException("no usable characters in a delivery id");
        }
        return "<" + local + "@" + domain + ">";
    }
}
