package com.aegisspeed.auth.login;

import com.aegisspeed.auth.login.LoginGuard.LoginSubjects;
import com.aegisspeed.common.identity.PasswordPolicy;
import com.aegisspeed.common.internal.CredentialsCheck;
import com.aegisspeed.common.internal.InternalUser;
import com.aegisspeed.common.internal.UserDirectoryClient;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * One password check against user-service, guarded by {@link LoginGuard}: refused while the account or the
 * address is locked, counted when it fails. A check that could not be made (user-service down) counts nothing.
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

    public Outcome check(LoginSubjects subjects, CredentialsCheck credentials) {
        Optional<Duration> wait = guard.waitBeforeAttempt(subjects);
        if (wait.isPresent()) {
            return new Outcome.Locked(wait.get());
        }
        // A password longer than any account's is checked cut short (still wrong, same time, same count): whole,
        // it could make user-service's body exceed its 64 KiB limit, which would answer as a server fault.
        UserDirectoryClient.CredentialsResult result = users.checkCredentials(new CredentialsCheck(credentials.idNumber(),
                credentials.aegisSpeedId(), PasswordPolicy.cutToCheckableLength(credentials.password())));
        return switch (result.outcome()) {
            case MATCH -> {
                guard.succeeded(subjects);
                yield new Outcome.Valid(result.user().orElseThrow());
            }
            case WRONG_PASSWORD -> {
                guard.failed(subjects);
                yield new Outcome.WrongPassword();
            }
            case NO_SUCH_USER -> {
                guard.failed(subjects);
                yield new Outcome.NoSuchUser();
            }
        };
    }

    /** An attempt that cannot name a real account (malformed identifier) still counts against the address. */
    public Outcome refuseMalformed(LoginSubjects subjects) {
        Optional<Duration> wait = guard.waitBeforeAttempt(subjects);
        if (wait.isPresent()) {
            return new Outcome.Locked(wait.get());
        }
        guard.failed(subjects);
        return new Outcome.NoSuchUser();
    }
}
