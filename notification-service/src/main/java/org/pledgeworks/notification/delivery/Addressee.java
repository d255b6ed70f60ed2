package org.pledgeworks.notification.delivery;

/**
 * Who a bulk mail goes to, as far as rendering it needs: with the bulk message it belongs to, this is
 * enough to render the mail again, so a bulk delivery is stored without its content (a fan-out stores
 * one delivery per subscriber: a few hundred bytes each instead of the ~2 KB rendered mail).
 *
 * @param email  the address
 * @param name   as the subscriber gave it; may be blank
 * @param locale their language; may be null
 */
public record Addressee(String email, String name, String locale) {
}
