package com.aegisspeed.anticheat.machines;

import com.aegisspeed.common.internal.DependencyUnavailableException;
import com.aegisspeed.common.internal.InternalReply;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * machine-service's internal API ({@code GET /internal/machines/{machineCode}}, docs/api-machine-anticheat.md),
 * for blocking callers. A machine-service that cannot answer is a {@link DependencyUnavailableException}.
 */
@Singleton
public class MachineDirectoryClient {

    private static final String SERVICE = "machine-service";
    private static final String NO_SUCH_MACHINE = "10002";
    private static final Argument<InternalReply<MachineOwner>> REPLY = InternalReply.typeOf(MachineOwner.class);

    private final HttpClient client;

    public MachineDirectoryClient(@Client(id = "machine") HttpClient client) {
        this.client = client;
    }

    @Serdeable
    public record MachineOwner(
            @JsonProperty("machine_code") String machineCode,
            @JsonProperty("owner_public_id") String ownerPublicId) {
    }

    /** The public id of the user the machine code is bound to; empty when it is bound to nobody. */
    public Optional<String> ownerOf(String machineCode) {
        String path = UriBuilder.of("/internal/machines").path(machineCode).toString();
        try {
            var response = client.toBlocking().exchange(HttpRequest.GET(path), REPLY);
            Optional<String> owner = response.getBody(REPLY).map(InternalReply::data).map(MachineOwner::ownerPublicId);
            if (owner.isEmpty()) {
                throw new DependencyUnavailableException(SERVICE, "answered without an owner");
            }
            return owner;
        } catch (HttpClientResponseException e) {
            boolean noSuchMachine = e.getStatus() == HttpStatus.NOT_FOUND
                    && e.getResponse().getBody(REPLY).map(InternalReply::code).filter(NO_SUCH_MACHINE::equals).isPresent();
            if (noSuchMachine) {
                return Optional.empty();
            }
            throw new DependencyUnavailableException(SERVICE, "answered HTTP " + e.getStatus().getCode());
        } catch (HttpClientException e) {
            throw new DependencyUnavailableException(SERVICE, "unreachable: " + e.getMessage());
        }
    }
}
