package org.pledgeworks.gateway.staff;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Staff invitations and password resets.
 *
 * @param tokenSecret        {@code PLEDGEWORKS_TOKEN_SECRET}: seals the links the events carry, so that only
 *                           a service that holds it (notification-service) reads them
 * @param publicBaseUrl      where people reach the gateway ({@code PUBLIC_BASE_URL}): the links start with it
 * @param invitationValidity how long an invitation's link works
 * @param resetValidity      how long a password-reset link works
 */
@Validated
@ConfigurationProperties("pledgeworks.gateway.staff")
record StaffProperties(@DefaultValue("") String tokenSecret,
        @NotNull @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
        @NotNull @DefaultValue("P7D") Duration invitationValidity,
        @NotNull @DefaultValue("PT1H") Duration resetValidity) {

    /** The absolute address of {@code path} ("/staff/invitation#…"). */
    String link(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
