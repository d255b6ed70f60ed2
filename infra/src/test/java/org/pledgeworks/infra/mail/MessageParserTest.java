package org.pledgeworks.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageParserTest {

    @Test
    void hrefsComeFirstUnescapedThenUrlsFromTheTextEachOnce() {
        String html = "<a href=\"https://x.example/verify?a=1&amp;b=2\">x</a> <A HREF='http://x.example/other'>o</A>"
                + " <a href=https://x.example/bare>b</a> <a href=\"mailto:a@b\">m</a> <a href=\"javascript:alert(1)\">j</a>";
        String text = "Open https://x.example/verify?a=1&b=2, or (see http://x.example/paren).";

        assertThat(MessageParser.links(html, text)).containsExactly("https://x.example/verify?a=1&b=2",
                "http://x.example/other", "https://x.example/bare", "http://x.example/paren");
    }

    @Test
    void noPartsNoLinks() {
        assertThat(MessageParser.links(null, null)).isEmpty();
    }

    @Test
    void numericEntitiesAreDecodedToo() {
        assertThat(MessageParser.unescapeEntities("a&#61;1&#x26;b&quot;&unknown;")).isEqualTo("a=1&b\"&unknown;");
    }
}
