package com.aegisspeed.machine.binding;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MachineRepository extends GenericRepository<Machine, String> {

    /** Inserts; a second machine with the same code fails on the primary key. */
    Machine save(Machine machine);

    Machine update(Machine machine);

    Optional<Machine> findById(String machineCode);
}
