package org.pledgeworks.gateway.pages;

/**
 * The pages a browser gets when there is nothing to show: a real page in the site's frame, with a way
 * back, instead of Boot's "Whitelabel Error Page". API clients get problem details instead (see
 * {@link HtmlErrorPages}).
 */
final class ErrorPages {

    private ErrorPages() {
    }

    static String notFound() {
        return page("Page not found", "We could not find this page",
                "The address may be mistyped, or the campaign may have been moved or taken down.");
    }

    static String campaignNotFound() {
        return page("Campaign not found", "We could not find this campaign",
                "The address may be mistyped, or the campaign may have been moved or taken down.");
    }

    static String organisationNotFound() {
        return page("Organisation not found", "We could not find this organisation",
                "The address may be mistyped, or the organisation may have no page here yet.");
    }

    static String eventNotFound() {
        return page("Event not found", "We could not find this event",
                "The address may be mistyped, or the event may have been taken down.");
    }

    static String opportunityNotFound() {
        return page("Opportunity not found", "We could not find this volunteer opportunity",
                "The address may be mistyped, or the opportunity may have been taken down.");
    }

    static String unavailable() {
        return page("Temporarily unavailable", "We cannot show this page right now",
                "Please try again in a few seconds.");
    }

    /** Any other status a browser may meet on a page address (405, 500, ...). */
    static String other(int status, String reason) {
        return page(reason, "Something went wrong (" + status + ")", "Please go back and try again.");
    }

    private static String page(String title, String heading, String detail) {
        String main = """
                    <div class="status status-problem">
                      <h1>%s</h1>
                      <p>%s</p>
                      <p><a href="/">See all open campaigns</a></p>
                    </div>
                """.formatted(Html.text(heading), Html.text(detail));
        return PageLayout.page("en", title + " — Pledgeworks", "  <meta name=\"robots\" content=\"noindex\">\n", main,
                false);
    }
}
