package com.aegisspeed.user.account;

import com.aegisspeed.common.identity.AegisSpeedIds;
import com.aegisspeed.common.time.Utc;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Hands out AegisSpeed IDs ({@code ASD} + 6 digits) from the database's auto-increment, in a statement of
 * its own, so no two registrations (on any replica) ever get the same number and no number comes back.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public abstract class AegisSpeedIdSequence implements GenericRepository<AegisSpeedIdSequence.Taken, Long> {

    /** One number taken, and when (UTC). */
    @MappedEntity("aegisspeed_id_sequence")
    public record Taken(@Id @GeneratedValue @Nullable Long seq, LocalDateTime takenAt) {
    }

    private final Clock clock;

    protected AegisSpeedIdSequence(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        return AegisSpeedIds.of(save(new Taken(null, Utc.now(clock))).seq());
    }

    abstract Taken save(Taken taken);
}
