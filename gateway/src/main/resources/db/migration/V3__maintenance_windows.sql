-- Maintenance windows (docs/api-gateway.md): an operator closes one endpoint (endpoint_path) or every closable
-- endpoint of one service (service_name) from starts_at until ends_at. Exactly one target is set. Cancelling
-- keeps the row, so the table is also the windows' audit history. Times are UTC.
CREATE TABLE maintenance_windows (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    endpoint_path VARCHAR(128) NULL,
    service_name  VARCHAR(32)  NULL,
    starts_at     DATETIME     NOT NULL,
    ends_at       DATETIME     NOT NULL,
    reason        VARCHAR(200) NOT NULL,
    scheduled_by  VARCHAR(16)  NOT NULL,
    scheduled_at  DATETIME     NOT NULL,
    cancelled_by  VARCHAR(16)  NULL,
    cancelled_at  DATETIME     NULL,
    PRIMARY KEY (id)
);
-- Every gateway replica reads the windows that have not ended, twice a second.
CREATE INDEX ix_maintenance_windows_end ON maintenance_windows (ends_at);
