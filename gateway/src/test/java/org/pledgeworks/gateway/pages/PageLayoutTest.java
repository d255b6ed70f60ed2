package org.pledgeworks.gateway.pages;

import org.junit.jupiter.api.Test;
import org.pledgeworks.gateway.pages.PageLayout.Frame;

import static org.assertj.core.api.Assertions.assertThat;

class PageLayoutTest {

    private static final Frame HOME = Frame.of(PageLayout.resource("static/index.html"));

    @Test
    void aRenderedPageHasTheHomePagesHeaderAndFooter() {
        assertThat(HOME.header()).contains("<a class=\"skip-link\" href=\"#main\">Skip to content</a>",
                "<a class=\"brand\" href=\"/\">Pledgeworks</a>");
        assertThat(HOME.footer()).contains("<footer class=\"site-footer\">");

        assertThat(ErrorPages.notFound()).contains(HOME.header(), HOME.footer());
    }

    /** The static pages cannot be rendered from one frame; this keeps their copies the same. */
    @Test
    void theDataRequestPageHasTheSameFrameAsTheHomePage() {
        assertThat(Frame.of(PageLayout.resource("static/my-data.html"))).isEqualTo(HOME);
    }
}
