package com.aegisspeed.gateway.status;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code aegis.gateway.versions.*}: what {@code /verify/verify_client_version_number} reports.
 *
 * @param server the server release ({@code SERVER_VERSION})
 * @param client the client release this server expects ({@code CLIENT_VERSION})
 * @param asac   the ASAC core check unit release ({@code ASAC_VERSION})
 */
@ConfigurationProperties("aegis.gateway.versions")
public record VersionConfiguration(String server, String client, String asac) {
}
