package com.aegisspeed.anticheat.admin;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CheaterMarkEventRepository extends GenericRepository<CheaterMarkEvent, Long> {

    CheaterMarkEvent save(CheaterMarkEvent event);

    List<CheaterMarkEvent> findAll(Pageable pageable);

    long count();

    List<CheaterMarkEvent> findByUserAegisSpeedId(String userAegisSpeedId, Pageable pageable);

    long countByUserAegisSpeedId(String userAegisSpeedId);
}
