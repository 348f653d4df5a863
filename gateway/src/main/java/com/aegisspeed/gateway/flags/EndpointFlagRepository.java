package com.aegisspeed.gateway.flags;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The gateway's table {@code endpoint_flags}. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface EndpointFlagRepository extends GenericRepository<EndpointFlag, String> {

    List<EndpointFlag> findAll();

    List<EndpointFlag> listOrderByEndpointPath();

    /** Adds the row if the endpoint has none yet; another gateway adding it at the same moment is fine. */
    @Query("INSERT INTO endpoint_flags (endpoint_path, service_name, is_open, updated_at)"
            + " VALUES (:endpointPath, :serviceName, :open, :updatedAt)"
            + " ON DUPLICATE KEY UPDATE endpoint_path = endpoint_path")
    void insertIfMissing(String endpointPath, String serviceName, boolean open, LocalDateTime updatedAt);

    /** Reads the row and locks it until the surrounding transaction ends. */
    Optional<EndpointFlag> findByEndpointPathForUpdate(String endpointPath);

    void update(@Id String endpointPath, boolean open, LocalDateTime updatedAt);
}
