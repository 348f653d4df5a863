package com.aegisspeed.anticheat.machines;

import com.aegisspeed.anticheat.AnticheatCodes.MachineDirectory;
import com.aegisspeed.common.internal.DependencyUnavailableException;
import com.aegisspeed.common.internal.InternalCalls;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
        InternalCalls.Answer<MachineOwner> answer =
                InternalCalls.exchange(client, SERVICE, HttpRequest.GET(path), MachineOwner.class);
        if (answer.status() == HttpStatus.NOT_FOUND && MachineDirectory.NO_SUCH_MACHINE.equals(answer.code())) {
            return Optional.empty();
        }
        String owner = InternalCalls.require(answer, SERVICE).ownerPublicId();
        if (owner == null) {
            throw new DependencyUnavailableException(SERVICE, "answered without an owner");
        }
        return Optional.of(owner);
    }
}
