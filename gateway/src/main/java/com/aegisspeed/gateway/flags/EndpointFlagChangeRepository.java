package com.aegisspeed.gateway.flags;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The gateway's audit table {@code endpoint_flag_changes}. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface EndpointFlagChangeRepository extends GenericRepository<EndpointFlagChange, Long> {

    EndpointFlagChange save(EndpointFlagChange change);

    List<EndpointFlagChange> findAll(Pageable page);

    List<EndpointFlagChange> findByEndpointPath(String endpointPath, Pageable page);
}
