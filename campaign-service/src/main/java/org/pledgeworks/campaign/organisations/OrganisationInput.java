package org.pledgeworks.campaign.organisations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pledgeworks.campaign.system.InvalidInputException.FieldProblem;

/**
 * An organisation's profile as staff write it. Bean Validation checks each field; {@link #problems} what it
 * cannot (an address that is not https, an id missing on creation), so that one answer names every
 * offending field.
 *
 * @param organisationId only when creating: the id tokens and campaigns already use; an edit may repeat it
 *                       but not change it
 */
record OrganisationInput(
        @Size(max = 64) @Pattern(regexp = ID, message = "must be lower-case words joined by hyphens")
        String organisationId,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 500) String description,
        @Size(max = 500) String website,
        @Size(max = 500) String logoUrl,
        @Email @Size(max = 254) String contactEmail,
        @Size(max = 10) List<@NotBlank @Size(max = 500) String> socialLinks,
        @NotNull @Pattern(regexp = OrganisationKind.WIRE_NAMES,
                message = "must be one of ngo, company, public-body, police, academic, faith, other") String kind) {

    /** As campaign slugs, so an organisation's id is as safe in a URL as a campaign's. */
    static final String ID = "^[a-z0-9]+(-[a-z0-9]+)*$";

    List<FieldProblem> problems(boolean creating) {
        List<FieldProblem> problems = new ArrayList<>();
        if (creating && isBlank(organisationId)) {
            problems.add(new FieldProblem("organisationId", "must not be blank"));
        }
        httpsOrBlank("website", website, problems);
        httpsOrBlank("logoUrl", logoUrl, problems);
        if (socialLinks != null) {
            for (int i = 0; i < socialLinks.size(); i++) {
                if (!isBlank(socialLinks.get(i))) {
                    httpsOrBlank("socialLinks[" + i + "]", socialLinks.get(i), problems);
                }
            }
        }
        return problems;
    }

    Organisation.Profile profile() {
        List<String> links = socialLinks == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(socialLinks.stream().map(String::strip).toList()));
        return new Organisation.Profile(name.strip(), blankToNull(description), blankToNull(website),
                blankToNull(logoUrl), blankToNull(contactEmail), links, OrganisationKind.fromWire(kind).orElseThrow());
    }

    /**
     * Addresses we show as links and images: https only, with a host and no user info, so that a profile
     * cannot carry {@code javascript:}, downgrade a reader to http or dress one site up as another
     * ({@code https://bank.example@evil.example}). Validated, never fetched: no request leaves the server.
     */
    static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    private static void httpsOrBlank(String field, String value, List<FieldProblem> problems) {
        if (!isBlank(value) && !isHttpsUrl(value)) {
            problems.add(new FieldProblem(field, "must be an https URL"));
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
