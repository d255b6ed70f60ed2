package org.pledgeworks.gateway.pages;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway renders its pages.
 *
 * @param publicBaseUrl the address people reach the gateway at, for {@code og:url}, the canonical link and
 *                      the share links (a link preview needs an absolute URL, and the request's own host may
 *                      be a proxy's internal name)
 * @param timeout       how long a page waits for one service read before it answers 503: a page that
 *                      hangs is worse than one that says "try again"
 * @param organisationsTimeout how long the campaign page waits for its owner's and partners' profiles, after
 *                      the campaign itself; what has not come by then is shown as the organisation's id. Short:
 *                      the names are a nicety, and the page must not be slow because the directory is
 * @param sectionsTimeout how long the campaign page waits for its upcoming events and volunteer opportunities;
 *                      a section not read by then is left out, for the same reason
 */
@Validated
@ConfigurationProperties("pledgeworks.gateway.pages")
record PagesProperties(@NotNull @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
        @NotNull @DefaultValue("3s") Duration timeout,
        @NotNull @DefaultValue("1s") Duration organisationsTimeout,
        @NotNull @DefaultValue("1s") Duration sectionsTimeout) {

    /** The absolute address of a path on the gateway, e.g. {@code /campaigns/x}. */
    String absolute(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
