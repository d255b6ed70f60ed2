package org.pledgeworks.kit.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class LinkPageTest {

    @Test
    void aLinkPageIsTheSiteStyledPageThatNoCacheReferrerOrSearchEngineKeeps() {
        ResponseEntity<String> page = LinkPage.of(410, "expired", "Link expired", "Ask for a new one.", "<a href=\"/\">Home</a>");

        assertThat(page.getStatusCode().value()).isEqualTo(410);
        assertThat(page.getHeaders().getContentType()).isEqualTo(MediaType.TEXT_HTML);
        assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getBody()).startsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n")
                .contains("<meta name=\"robots\" content=\"noindex\">\n<title>Link expired · Pledgeworks</title>\n"
                        + "<link rel=\"stylesheet\" href=\"/css/app.css\">\n</head>")
                .contains("<main class=\"page expired\">\n<h1>Link expired</h1>\n<p>Ask for a new one.</p>\n"
                        + "<a href=\"/\">Home</a>\n</main>");
    }
}
