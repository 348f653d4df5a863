package com.aegisspeed.user.directory;

import com.aegisspeed.common.identity.Emails;
import com.aegisspeed.common.identity.IdNumbers;
import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.time.Utc;
import com.aegisspeed.user.account.AegisSpeedIdSequence;
import com.aegisspeed.user.account.DuplicateUserException;
import com.aegisspeed.user.account.UniqueKey;
import com.aegisspeed.user.account.UserAccount;
import com.aegisspeed.user.account.UserAccountRepository;
import com.aegisspeed.user.password.Argon2idHasher;
import com.aegisspeed.user.password.Argon2idHasher.Requester;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Creating users, checking their credentials and storing new passwords: what auth-service asks of user-service. */
@Singleton
public class UserDirectory {

    private final UserAccountRepository users;
    private final AegisSpeedIdSequence aegisSpeedIds;
    private final Argon2idHasher hasher;
    private final Clock clock;

    public UserDirectory(UserAccountRepository users, AegisSpeedIdSequence aegisSpeedIds, Argon2idHasher hasher,
                         Clock clock) {
        this.users = users;
        this.aegisSpeedIds = aegisSpeedIds;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Hashes the password, assigns the next AegisSpeed ID and stores the user. A value another user already holds
     * is refused before an AegisSpeed ID is taken (they are finite and never reused), but only after the same
     * hash a new user costs, on the same bounded pool: a refusal answered without it would come back in a tenth
     * of the time and tell anyone which ID numbers, phone numbers and e-mail addresses are registered.
     *
     * @throws DuplicateUserException when the ID number, phone number or e-mail address belongs to another user
     */
    public UserAccount create(String idNumber, String userName, String phoneNumber, String email, String password, Role role,
                              String client) {
        String normalizedIdNumber = IdNumbers.normalize(idNumber);
        String normalizedEmail = Emails.normalize(email);
        Optional<UniqueKey> taken = users.findTakenKey(normalizedIdNumber, phoneNumber, normalizedEmail);
        Requester requester = new Requester(client, normalizedIdNumber);
        if (taken.isPresent()) {
            hasher.hash(password, requester);
            throw new DuplicateUserException(taken.get());
        }
        String passwordHash = hasher.hash(password, requester);
        UserAccount user = UserAccount.created(UUID.randomUUID().toString(), normalizedIdNumber,
                aegisSpeedIds.next(), userName, phoneNumber, normalizedEmail, passwordHash, role, Utc.now(clock));
        users.insert(user);
        return user;
    }

    /**
     * Stores a new password for the user: auth-service, which owns password checks, has checked the current one and
     * revoked the user's tokens. False when there is no such user.
     */
    public boolean changePassword(String publicId, String password, String client) {
        Optional<UserAccount> user = users.findByPublicId(publicId);
        if (user.isEmpty()) {
            return false;
        }
        return users.updatePasswordHash(publicId, hasher.hash(password, new Requester(client, user.get().idNumber())));
    }

    /** The outcome of a credentials check. */
    public sealed interface Credentials {
        record Valid(UserAccount user) implements Credentials {
        }

        record WrongPassword() implements Credentials {
        }

        record NoSuchUser() implements Credentials {
        }
    }

    /**
     * Checks the password of the user found by {@code identifier} (ID number or AegisSpeed ID), in the same time
     * whether or not one exists.
     */
    public Credentials check(Optional<UserAccount> user, String identifier, String password, String client) {
        Requester requester = new Requester(client, user.map(UserAccount::idNumber).orElse(identifier));
        if (user.isEmpty()) {
            hasher.matchesNoUser(password, requester);
            return new Credentials.NoSuchUser();
        }
        return hasher.matches(password, user.get().passwordHash(), requester)
                ? new Credentials.Valid(user.get())
                : new Credentials.WrongPassword();
    }
}
