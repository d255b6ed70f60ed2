package org.pledgeworks.notification.mail;

import org.springframework.web.util.HtmlUtils;

/** Escaping for text and double-quoted attribute values in HTML: the five characters that need it in UTF-8. */
final class Html {

    private Html() {
    }

    static String escape(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
