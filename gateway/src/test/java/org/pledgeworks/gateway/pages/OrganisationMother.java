package org.pledgeworks.gateway.pages;

import java.util.ArrayList;
import java.util.List;

import org.pledgeworks.gateway.pages.OrganisationProfile.ListedCampaign;

/** Organisation profiles for the page tests: a plain NGO without logo, website or campaigns, changed as needed. */
final class OrganisationMother {

    private OrganisationMother() {
    }

    static Builder profile(String id, String name) {
        return new Builder(id, name);
    }

    static final class Builder {

        private final String id;
        private final String name;
        private String kind = "ngo";
        private String description;
        private String website;
        private String logo;
        private String email;
        private final List<String> social = new ArrayList<>();
        private final List<ListedCampaign> campaigns = new ArrayList<>();

        private Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        Builder kind(String value) {
            kind = value;
            return this;
        }

        Builder description(String value) {
            description = value;
            return this;
        }

        Builder website(String value) {
            website = value;
            return this;
        }

        Builder logo(String value) {
            logo = value;
            return this;
        }

        Builder email(String value) {
            email = value;
            return this;
        }

        Builder social(String value) {
            social.add(value);
            return this;
        }

        Builder runs(String slug, String title, String status) {
            campaigns.add(new ListedCampaign(slug, title, null, status, "owner"));
            return this;
        }

        Builder partners(String slug, String title, String status) {
            campaigns.add(new ListedCampaign(slug, title, null, status, "partner"));
            return this;
        }

        OrganisationProfile build() {
            return new OrganisationProfile(id, name, kind, description, website, logo, email, List.copyOf(social),
                    List.copyOf(campaigns));
        }
    }
}
