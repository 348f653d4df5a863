package com.aegisspeed.gateway.flags;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The gateway's table {@code maintenance_windows}. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface MaintenanceWindowRepository extends GenericRepository<MaintenanceWindow, Long> {

    MaintenanceWindow save(MaintenanceWindow window);

    /** The windows that still close something now or later: not cancelled and not ended. */
    List<MaintenanceWindow> findByEndsAtGreaterThanAndCancelledAtIsNullOrderByStartsAt(LocalDateTime now);

    List<MaintenanceWindow> findAll(Pageable page);

    /** Reads the row and locks it until the surrounding transaction ends. */
    Optional<MaintenanceWindow> findByIdForUpdate(Long id);

    void update(@Id Long id, @Nullable String cancelledBy, @Nullable LocalDateTime cancelledAt);
}
