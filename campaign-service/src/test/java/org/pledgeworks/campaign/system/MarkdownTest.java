package org.pledgeworks.campaign.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void rendersMarkdown() {
        assertThat(Markdown.toHtml("Some **bold** and a [link](https://example.org).")).isEqualTo(
                "<p>Some <strong>bold</strong> and a <a href=\"https://example.org\" rel=\"nofollow noopener\">link</a>.</p>");
        assertThat(Markdown.toText("Some **bold** text.")).isEqualTo("Some bold text.");
    }

    @Test
    void neverLetsScriptThrough() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <a href=\"#\" onclick=\"x()\">y</a>"
                + "\n\n![pixel](https://tracker.example.org/p.gif)");

        assertThat(html).doesNotContain("<script", "javascript:", "<img").doesNotContainPattern("<[^>]*onclick");
    }

    @Test
    void nothingIsEmpty() {
        assertThat(Markdown.toHtml(null)).isEmpty();
        assertThat(Markdown.toText("  ")).isEmpty();
    }
}
