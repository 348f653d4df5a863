package com.aegisspeed.user.account;

import com.aegisspeed.common.identity.Role;
import com.aegisspeed.common.time.Utc;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/** The {@code users} table. Uniqueness is left to the database's unique keys ({@link UniqueKey}). */
@JdbcRepository(dialect = Dialect.MYSQL)
public abstract class UserAccountRepository implements GenericRepository<UserAccount, Long> {

    private final Clock clock;

    protected UserAccountRepository(Clock clock) {
        this.clock = clock;
    }

    /** Inserts the user; throws {@link DuplicateUserException} naming the unique key another user holds. */
    public void insert(UserAccount user) {
        try {
            save(user);
        } catch (RuntimeException e) {
            throw DuplicateUserException.orFault(e);
        }
    }

    /**
     * Which of the values another user already holds (ID number first, then phone number, then e-mail), compared
     * as the unique keys compare them. Lets a duplicate be refused before any work is spent on it; the unique keys
     * still settle registrations that race past this check.
     */
    public Optional<UniqueKey> findTakenKey(String idNumber, String phoneNumber, String email) {
        if (existsByIdNumber(idNumber)) {
            return Optional.of(UniqueKey.ID_NUMBER);
        }
        if (existsByPhoneNumber(phoneNumber)) {
            return Optional.of(UniqueKey.PHONE_NUMBER);
        }
        return existsByEmail(email) ? Optional.of(UniqueKey.EMAIL) : Optional.empty();
    }

    public abstract Optional<UserAccount> findByPublicId(String publicId);

    public abstract Optional<UserAccount> findByIdNumber(String idNumber);

    public abstract Optional<UserAccount> findByAegisSpeedId(String aegisSpeedId);

    public boolean existsWithRole(Role role) {
        return existsByRole(role);
    }

    /** Sets the state; empty when no such user. */
    @Transactional
    public Optional<UserAccount> updateState(String publicId, UserState state) {
        if (setState(publicId, state, now()) == 0) {
            return Optional.empty();
        }
        return findByPublicId(publicId);
    }

    /** Sets the phone number; throws {@link DuplicateUserException} when another user has it. */
    public boolean updatePhoneNumber(String publicId, String phoneNumber) {
        try {
            return setPhoneNumber(publicId, phoneNumber, now()) == 1;
        } catch (RuntimeException e) {
            throw DuplicateUserException.orFault(e);
        }
    }

    /** Sets the password hash; false when there is no such user. */
    public boolean updatePasswordHash(String publicId, String passwordHash) {
        return setPasswordHash(publicId, passwordHash, now()) == 1;
    }

    abstract UserAccount save(UserAccount user);

    abstract boolean existsByIdNumber(String idNumber);

    abstract boolean existsByPhoneNumber(String phoneNumber);

    abstract boolean existsByEmail(String email);

    abstract boolean existsByRole(Role role);

    @Query("UPDATE users SET user_state = :state, updated_at = :now WHERE public_id = :publicId")
    abstract long setState(String publicId, UserState state, LocalDateTime now);

    @Query("UPDATE users SET phone_number = :phoneNumber, updated_at = :now WHERE public_id = :publicId")
    abstract long setPhoneNumber(String publicId, String phoneNumber, LocalDateTime now);

    @Query("UPDATE users SET password_hash = :passwordHash, updated_at = :now WHERE public_id = :publicId")
    abstract long setPasswordHash(String publicId, String passwordHash, LocalDateTime now);

    private LocalDateTime now() {
        return Utc.now(clock);
    }
}
