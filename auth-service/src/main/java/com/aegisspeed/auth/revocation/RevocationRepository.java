package com.aegisspeed.auth.revocation;

import com.aegisspeed.common.token.RevocationFeed;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.OptionalLong;

/** The {@code revocations} table: the feed other services poll and the list auth-service checks directly. */
@JdbcRepository(dialect = Dialect.MYSQL)
public abstract class RevocationRepository implements GenericRepository<Revocation, Long> {

    /** Revokes one token until it would have expired anyway. */
    public void revokeToken(String jti, long expiresAtEpochSecond) {
        save(new Revocation(null, jti, null, null, expiresAtEpochSecond));
    }

    /** Revokes every token of the user issued at or before {@code revokedBefore} (epoch second). */
    public void revokeAllOf(String subject, long revokedBefore, long expiresAtEpochSecond) {
        save(new Revocation(null, null, subject, revokedBefore, expiresAtEpochSecond));
    }

    public boolean isRevoked(String jti, String subject, long issuedAtEpochSecond) {
        return countRevoking(jti, subject, issuedAtEpochSecond) > 0;
    }

    /** The latest second before which all of the user's tokens are revoked, if any. */
    public OptionalLong latestRevokedBefore(String subject) {
        Long latest = findMaxRevokedBeforeBySubject(subject);
        return latest == null ? OptionalLong.empty() : OptionalLong.of(latest);
    }

    /** Up to {@link RevocationFeed#PAGE_SIZE} entries after {@code after}, oldest first. */
    public List<RevocationFeed.Entry> after(long after) {
        return findBySeqGreaterThan(after, Pageable.from(0, RevocationFeed.PAGE_SIZE, Sort.of(Sort.Order.asc("seq"))))
                .stream()
                .map(row -> new RevocationFeed.Entry(row.seq(), row.jti(), row.subject(), row.revokedBefore(), row.expiresAt()))
                .toList();
    }

    /** Deletes the revocations of tokens that have expired anyway by {@code epochSecond}. */
    public abstract void deleteByExpiresAtLessThan(long epochSecond);

    abstract Revocation save(Revocation revocation);

    /**
     * 1 when the token or, by its issue time, all of its user's tokens are revoked. A union, so each half is read
     * on its own index.
     */
    @Query("SELECT COUNT(*) FROM (SELECT 1 AS hit FROM revocations WHERE jti = :jti UNION ALL "
            + "SELECT 1 FROM revocations WHERE subject = :subject AND revoked_before >= :issuedAt LIMIT 1) AS hits")
    abstract long countRevoking(String jti, String subject, long issuedAt);

    @Nullable
    abstract Long findMaxRevokedBeforeBySubject(String subject);

    abstract List<Revocation> findBySeqGreaterThan(long seq, Pageable pageable);
}
