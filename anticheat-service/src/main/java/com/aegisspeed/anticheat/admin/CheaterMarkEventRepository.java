package com.aegisspeed.anticheat.admin;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CheaterMarkEventRepository extends GenericRepository<CheaterMarkEvent, Long> {

    CheaterMarkEvent save(CheaterMarkEvent event);

    Page<CheaterMarkEvent> findAll(Pageable pageable);

    Page<CheaterMarkEvent> findByUserAegisSpeedId(String userAegisSpeedId, Pageable pageable);
}
