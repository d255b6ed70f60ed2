package org.pledgeworks.campaign.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/**
 * What a staff endpoint answers, by who calls it: staff of no organisation on the campaign get 404 (we do
 * not say that it exists); on it, everyone reads, and only those who may change something do (403 for the
 * rest). Every refusal is problem details. The authorisation matrices check each endpoint against this.
 */
public final class StaffAuthorisation {

    private StaffAuthorisation() {
    }

    /**
     * @param onCampaign whether the caller's organisation is the campaign's owner or a partner
     * @param changes    whether the endpoint changes something (else it reads)
     * @param mayChange  whether the caller may make this change
     * @param success    what the endpoint answers when it does what it is asked
     */
    public static int expected(boolean onCampaign, boolean changes, boolean mayChange, int success) {
        return !onCampaign ? 404 : !changes || mayChange ? success : 403;
    }

    public static void assertAnswered(HttpResponse<String> response, int expected) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
