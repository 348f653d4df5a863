-- Endpoint-open flags and their audit history (DECISIONS.md §3). Rows are seeded from configuration at
-- start; a path without a row is open. Times are UTC.
CREATE TABLE endpoint_flags (
    endpoint_path VARCHAR(128) NOT NULL,
    service_name  VARCHAR(32)  NOT NULL,
    is_open       BOOLEAN      NOT NULL,
    updated_at    DATETIME     NOT NULL,
    PRIMARY KEY (endpoint_path)
);

CREATE TABLE endpoint_flag_changes (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    endpoint_path VARCHAR(128) NOT NULL,
    was_open      BOOLEAN      NOT NULL,
    is_open       BOOLEAN      NOT NULL,
    changed_by    VARCHAR(16)  NOT NULL,
    changed_at    DATETIME     NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_endpoint_flag_changes_time ON endpoint_flag_changes (changed_at);
