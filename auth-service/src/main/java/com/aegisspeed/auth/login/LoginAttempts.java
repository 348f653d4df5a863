package com.aegisspeed.auth.login;

import com.aegisspeed.auth.login.LoginGuard.LoginSubjects;
import com.aegisspeed.auth.login.LoginGuard.Reservation;
import com.aegisspeed.common.identity.PasswordPolicy;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.internal.CredentialsCheck;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * One password check against user-service, guarded by {@link LoginGuard}: the account is looked up first (no hash),
 * so every identifier of one account draws on that account's one budget, then the attempt is reserved, and only
 * then is the password checked. A check that could not be made (user-service down) counts nothing.
 */
@Singleton
public class LoginAttempts {

    /** What became of the attempt. */
    public sealed interface Outcome {
        record Valid(InternalUser user) implements Outcome {
        }

        record WrongPassword() implements Outcome {
        }

        record NoSuchUser() implements Outcome {
        }

        record Locked(Duration retryAfter) implements Outcome {
        }
    }

    private final LoginGuard guard;
    private final UserDirectoryClient users;

    public LoginAttempts(LoginGuard guard, UserDirectoryClient users) {
        this.guard = guard;
        this.users = users;
    }

    /** A login by ID number (already normalized). */
    public Outcome byIdNumber(String idNumber, String clientAddress, String password) {
        return check(users.findByIdNumber(idNumber), idNumber, clientAddress,
                new CredentialsCheck(idNumber, null, password));
    }

    /** A login by AegisSpeed ID. */
    public Outcome byAegisSpeedId(String aegisSpeedId, String clientAddress, String password) {
        return check(users.findByAegisSpeedId(aegisSpeedId), aegisSpeedId, clientAddress,
                new CredentialsCheck(null, aegisSpeedId, password));
    }

    /** The password of the account a token names ({@code user}, looked up by the caller), on a budget of its own. */
    public Outcome reentry(InternalUser user, LoginSubjects subjects, String clientAddress, String password) {
        return checked(subjects, clientAddress, new CredentialsCheck(user.idNumber(), null, password));
    }

    private Outcome check(Optional<InternalUser> account, String identifier, String clientAddress,
                          CredentialsCheck unknownAccount) {
        if (account.isEmpty()) {
            // Checked all the same (against no hash, as long as a real one): the answer takes as long either way.
            return checked(LoginSubjects.forUnknown(identifier, clientAddress), clientAddress, unknownAccount);
        }
        InternalUser user = account.get();
        boolean admin = Role.fromLabel(user.role()).map(Role::isAdmin).orElse(false);
        return checked(LoginSubjects.forAccount(user.idNumber(), admin, clientAddress), clientAddress,
                new CredentialsCheck(user.idNumber(), null, unknownAccount.password()));
    }

    private Outcome checked(LoginSubjects subjects, String clientAddress, CredentialsCheck credentials) {
        Reservation reservation = guard.reserve(subjects);
        if (!reservation.admitted()) {
            return new Outcome.Locked(reservation.refusedFor().orElseThrow());
        }
        UserDirectoryClient.CredentialsResult result;
        try {
            // A password longer than any account's is checked cut short (still wrong, same time, same count): whole,
            // it could make user-service's body exceed its 64 KiB limit, which would answer as a server fault.
            result = users.checkCredentials(new CredentialsCheck(credentials.idNumber(), credentials.aegisSpeedId(),
                    PasswordPolicy.cutToCheckableLength(credentials.password())), clientAddress);
        } catch (RuntimeException notChecked) {
            guard.undecided(reservation);
            throw notChecked;
        }
        return switch (result.outcome()) {
            case MATCH -> {
                guard.succeeded(reservation);
                yield new Outcome.Valid(result.user().orElseThrow());
            }
            case WRONG_PASSWORD -> new Outcome.WrongPassword();
            case NO_SUCH_USER -> new Outcome.NoSuchUser();
        };
    }

    /** An attempt that cannot name a real account (malformed identifier) still counts against the address. */
    public Outcome refuseMalformed(String clientAddress) {
        Reservation reservation = guard.reserve(LoginSubjects.forAddress(clientAddress));
        return reservation.admitted() ? new Outcome.NoSuchUser() : new Outcome.Locked(reservation.refusedFor().orElseThrow());
    }
}
