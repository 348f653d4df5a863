package com.aegisspeed.auth.adminsecret;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDateTime;
import java.util.Optional;

/** {@code admin_secrets}: the SHA-256 of the one current secret of each token, with its expiry (UTC). */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AdminSecretRepository extends GenericRepository<AdminSecretRepository.AdminSecret, String> {

    @MappedEntity("admin_secrets")
    record AdminSecret(@Id String tokenJti, String secretHash, LocalDateTime expiresAt) {
    }

    /** Stores the token's secret, replacing any earlier one in the same statement, so concurrent issues cannot collide. */
    @Query("INSERT INTO admin_secrets (token_jti, secret_hash, expires_at) VALUES (:tokenJti, :secretHash, :expiresAt) "
            + "ON DUPLICATE KEY UPDATE secret_hash = VALUES(secret_hash), expires_at = VALUES(expires_at)")
    void upsert(String tokenJti, String secretHash, LocalDateTime expiresAt);

    Optional<AdminSecret> findById(String tokenJti);

    void deleteById(String tokenJti);

    void deleteByExpiresAtLessThan(LocalDateTime utc);
}
