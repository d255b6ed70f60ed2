package org.pledgeworks.gateway.pages;

import org.springframework.stereotype.Component;

/**
 * {@code /organisations}, the partner directory: every organisation by name with its logo, kind and a line of
 * its description, each linked to its own page, a page of them at a time with links to the next and previous
 * pages. No script, as the organisation page. Every value from campaign-service is escaped by {@link Html}.
 */
@Component
class OrganisationDirectoryRenderer {

    /** A description in a list is a line, not the profile: the organisation's page has the whole of it. */
    private static final int DESCRIPTION_CHARS = 200;

    private final PagesProperties properties;

    OrganisationDirectoryRenderer(PagesProperties properties) {
        this.properties = properties;
    }

    String render(OrganisationDirectory directory) {
        String address = path(directory.page());
        String title = directory.page() == 0 ? "Partner organisations"
                : "Partner organisations, page " + (directory.page() + 1);
        StringBuilder head = PageLayout.preview("website", title,
                "The organisations that run and support campaigns on Pledgeworks.", properties.absolute(address));
        PageLayout.meta(head, "name", "twitter:card", "summary");
        if (directory.hasPrevious()) {
            head.append("    <link rel=\"prev\" href=\"").append(Html.text(path(directory.page() - 1)))
                    .append("\">\n");
        }
        if (directory.hasNext()) {
            head.append("    <link rel=\"next\" href=\"").append(Html.text(path(directory.page() + 1)))
                    .append("\">\n");
        }
        String main = """
                    <p><a href="/" class="back-link">All campaigns</a></p>

                    <section id="directory" aria-labelledby="directory-heading">
                      <h1 id="directory-heading">%s</h1>
                      <p class="lead">%s</p>
                %s%s    </section>
                """.formatted(Html.text(title), Html.text(count(directory)), list(directory), pager(directory));
        return PageLayout.page("en", title + " — Pledgeworks", head.toString(), main, false);
    }

    private static String count(OrganisationDirectory directory) {
        long total = directory.total();
        return total == 1 ? "One organisation runs or supports campaigns here."
                : total + " organisations run or support campaigns here.";
    }

    private static String list(OrganisationDirectory directory) {
        if (directory.organisations().isEmpty()) {
            return "      <p id=\"directory-empty\">No organisations on this page.</p>\n";
        }
        StringBuilder items = new StringBuilder();
        for (OrganisationProfile o : directory.organisations()) {
            items.append("          <li class=\"org\">")
                    .append(OrganisationLinks.logo(o.logoUrl(), "org-logo", 48))
                    .append("<div class=\"org-text\"><a class=\"org-name\" href=\"").append(Html.text(OrganisationLinks.path(o.id())))
                    .append("\">").append(Html.text(o.displayName())).append("</a>");
            String kind = OrganisationLinks.kind(o.kind());
            if (kind != null) {
                items.append(" <span class=\"org-kind\">").append(Html.text(kind)).append("</span>");
            }
            if (o.description() != null && !o.description().isBlank()) {
                items.append("<p class=\"hint\">").append(Html.text(shortened(o.description().strip()))).append("</p>");
            }
            items.append("</div></li>\n");
        }
        return "      <ul id=\"directory-list\" class=\"org-list\">\n" + items + "      </ul>\n";
    }

    private static String pager(OrganisationDirectory directory) {
        if (!directory.hasNext() && !directory.hasPrevious()) {
            return "";
        }
        StringBuilder nav = new StringBuilder("      <nav class=\"pager\" aria-label=\"Directory pages\">");
        if (directory.hasPrevious()) {
            nav.append("<a rel=\"prev\" href=\"").append(Html.text(path(directory.page() - 1)))
                    .append("\">Previous page</a> ");
        }
        if (directory.hasNext()) {
            nav.append("<a rel=\"next\" href=\"").append(Html.text(path(directory.page() + 1)))
                    .append("\">Next page</a>");
        }
        return nav.append("</nav>\n").toString();
    }

    static String shortened(String text) {
        if (text.length() <= DESCRIPTION_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', DESCRIPTION_CHARS);
        return text.substring(0, cut > DESCRIPTION_CHARS / 2 ? cut : DESCRIPTION_CHARS).strip() + "…";
    }

    /** The directory's address for a 0-based page: the first is {@code /organisations}, then {@code ?page=2}, … */
    static String path(int page) {
        return page == 0 ? "/organisations" : "/organisations?page=" + (page + 1);
    }
}
