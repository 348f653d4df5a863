package com.aegisspeed.anticheat.admin;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CheaterMarkRepository extends GenericRepository<CheaterMark, String> {

    /** Inserts; a second mark of the same user fails on the primary key. */
    CheaterMark save(CheaterMark mark);

    boolean existsById(String userPublicId);

    /** @return how many marks were lifted: 0 when the user was not marked */
    int deleteByUserPublicId(String userPublicId);
}
