package org.pledgeworks.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    private final Map<String, String> variables = Map.of(
            "name", "<img src=x onerror=alert(1)> \"Ada\" & 'Bob'",
            "campaignTitle", "Fair & square",
            "verificationUrl", "https://example.org/verify/a?b=1&c=\"2\"",
            "expiresAt", "5 December 2026, 09:15 UTC");

    @Test
    void everyVariableIsEscapedInTheHtmlPartAndNowhereElse() {
        Mail mail = templates.render("verification", "en", "a@example.org", variables);

        assertThat(mail.html()).contains("&lt;img src=x onerror=alert(1)&gt; &quot;Ada&quot; &amp; &#39;Bob&#39;")
                .contains("href=\"https://example.org/verify/a?b=1&amp;c=&quot;2&quot;\"")
                .doesNotContain("<img");
        assertThat(mail.text()).contains("<img src=x onerror=alert(1)> \"Ada\" & 'Bob'")
                .contains("https://example.org/verify/a?b=1&c=\"2\"");
        assertThat(mail.subject()).isEqualTo("Confirm your signature: Fair & square");
        assertThat(mail.to()).isEqualTo("a@example.org");
    }

    @Test
    void theHtmlPartIsAWholeDocumentInTheLanguageOfTheTemplateChosen() {
        Mail german = templates.render("follow-confirmation", "de-AT", "a@example.org", Map.of("campaignTitle", "Fair",
                "confirmUrl", "https://example.org/c", "name", "Ada"));
        Mail fallback = templates.render("verification", "fr", "a@example.org", variables);

        assertThat(german.html()).startsWith("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n")
                .containsOnlyOnce("<title>").endsWith("</td></tr>\n</table>\n</body>\n</html>\n");
        assertThat(fallback.html()).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        + "<title>Confirm your signature</title>\n</head>\n<body ")
                .doesNotContain("[[");
    }

    /** A template written as a whole document would be wrapped in the layout a second time. */
    @Test
    void everyHtmlTemplateIsATitleAndACardNotAWholeDocument() throws Exception {
        Path root = Path.of(getClass().getResource("/mail-templates/layout.html").toURI()).getParent();
        List<Path> parts;
        try (Stream<Path> files = Files.walk(root)) {
            parts = files.filter(f -> f.getFileName().toString().endsWith(".html") && !f.equals(root.resolve("layout.html")))
                    .toList();
        }

        assertThat(parts).hasSizeGreaterThan(10);
        for (Path part : parts) {
            String html = Files.readString(part);
            assertThat(html).as(root.relativize(part).toString()).startsWith("<title>")
                    .doesNotContain("<!DOCTYPE", "<html", "<body", "</html>");
        }
    }

    @Test
    void noPlaceholderIsLeftUnfilled() {
        Mail mail = templates.render("verification", "en", "a@example.org", variables);

        assertThat(mail.subject() + mail.text() + mail.html()).doesNotContain("{{").doesNotContain("}}");
    }

    @Test
    void aLocaleWithoutTemplatesFallsBackToItsLanguageThenEnglish() {
        Mail english = templates.render("verification", "en", "a@example.org", variables);

        assertThat(templates.render("verification", "en-GB", "a@example.org", variables)).isEqualTo(english);
        assertThat(templates.render("verification", "pt_BR", "a@example.org", variables)).isEqualTo(english);
        assertThat(templates.render("verification", null, "a@example.org", variables)).isEqualTo(english);
    }

    @Test
    void aMissingVariableIsABugNotAnEmptyString() {
        assertThatThrownBy(() -> templates.render("verification", "en", "a@example.org", Map.of("name", "Ada")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{");
    }
}
