package com.aegisspeed.machine.info;

import com.aegisspeed.machine.binding.Machine;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OwnedMachineRepository extends GenericRepository<Machine, String> {

    List<Machine> findByOwnerPublicIdOrderByBoundAt(String ownerPublicId);
}
