package org.pledgeworks.infra.mail;

/** Escaping for everything the inbox puts into a page: a mail's subject, headers and text are hostile input. */
final class Html {

    private Html() {
    }

    /**
     * The five characters that matter in text and quoted attributes, {@code &} first so the others'
     * entities are not escaped again. The launcher has no HTML library on its class path, and five
     * replacements do not warrant one.
     */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
