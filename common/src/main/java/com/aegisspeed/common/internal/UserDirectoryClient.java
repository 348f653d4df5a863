package com.aegisspeed.common.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.Optional;

/** user-service's internal API (docs/internal-api.md), for blocking callers. */
@Singleton
public class UserDirectoryClient {

    private static final String SERVICE = "user-service";
    private static final String USERS = "/internal/users";
    private static final String NO_SUCH_USER = "10002";
    /**
     * The client address a call that hashes a password is made for: user-service gives each client (and each account)
     * a bounded, fair share of its hashing pool by it.
     */
    public static final String CLIENT_HEADER = "X-Aegis-Client";

    private final HttpClient client;

    public UserDirectoryClient(@Client(id = "user") HttpClient client) {
        this.client = client;
    }

    /** The outcome of a credentials check; {@code user} is present only when they match. */
    public enum Outcome { MATCH, WRONG_PASSWORD, NO_SUCH_USER }

    public record CredentialsResult(Outcome outcome, Optional<InternalUser> user) {
    }

    @Serdeable
    record StateChange(@JsonProperty("user_state") String state) {
    }

    @Serdeable
    record PasswordChange(@JsonProperty("user_password") String password) {
    }

    public Optional<InternalUser> findByPublicId(String publicId) {
        return find(UriBuilder.of(USERS).path(publicId).toString());
    }

    public Optional<InternalUser> findByIdNumber(String idNumber) {
        return find(UriBuilder.of(USERS).path("by-id-number").path(idNumber).toString());
    }

    public Optional<InternalUser> findByAegisSpeedId(String aegisSpeedId) {
        return find(UriBuilder.of(USERS).path("by-aegisspeed-id").path(aegisSpeedId).toString());
    }

    /** @throws UserConflictException when the ID number, phone or email is already registered */
    public InternalUser create(NewUser user, String clientAddress) {
        var answer = InternalCalls.exchange(client, SERVICE,
                HttpRequest.POST(USERS, user).header(CLIENT_HEADER, clientAddress), InternalUser.class);
        if (answer.status() == HttpStatus.CONFLICT) {
            throw new UserConflictException(answer.code(), answer.result());
        }
        return InternalCalls.require(answer, SERVICE);
    }

    public CredentialsResult checkCredentials(CredentialsCheck attempt, String clientAddress) {
        var answer = InternalCalls.exchange(client, SERVICE,
                HttpRequest.POST(USERS + "/credentials", attempt).header(CLIENT_HEADER, clientAddress), InternalUser.class);
        return switch (answer.status()) {
            case UNAUTHORIZED -> new CredentialsResult(Outcome.WRONG_PASSWORD, Optional.empty());
            case NOT_FOUND -> new CredentialsResult(Outcome.NO_SUCH_USER, Optional.empty());
            default -> new CredentialsResult(Outcome.MATCH, Optional.of(InternalCalls.require(answer, SERVICE)));
        };
    }

    /**
     * Stores a new password for the user (user-service hashes it); false when there is no such user. The caller has
     * checked the current one and revoked the user's tokens.
     */
    public boolean changePassword(String publicId, String password, String clientAddress) {
        String path = UriBuilder.of(USERS).path(publicId).path("password").toString();
        var answer = InternalCalls.exchange(client, SERVICE,
                HttpRequest.PUT(path, new PasswordChange(password)).header(CLIENT_HEADER, clientAddress), InternalUser.class);
        if (answer.status() == HttpStatus.NOT_FOUND && NO_SUCH_USER.equals(answer.code())) {
            return false;
        }
        InternalCalls.require(answer, SERVICE);
        return true;
    }

    /** Sets {@link InternalUser#ACTIVE} or {@link InternalUser#CHEATER}. */
    public InternalUser changeState(String publicId, String state) {
        String path = UriBuilder.of(USERS).path(publicId).path("state").toString();
        var answer = InternalCalls.exchange(client, SERVICE, HttpRequest.PUT(path, new StateChange(state)),
                InternalUser.class);
        return InternalCalls.require(answer, SERVICE);
    }

    private Optional<InternalUser> find(String path) {
        var answer = InternalCalls.exchange(client, SERVICE, HttpRequest.GET(path), InternalUser.class);
        if (answer.status() == HttpStatus.NOT_FOUND && NO_SUCH_USER.equals(answer.code())) {
            return Optional.empty();
        }
        return Optional.of(InternalCalls.require(answer, SERVICE));
    }
}
