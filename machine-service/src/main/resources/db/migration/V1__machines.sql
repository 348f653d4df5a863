-- Machines and their binding to users (DECISIONS.md §5): one machine code is bound to at most one user,
-- enforced by the primary key. owner_public_id is user-service's opaque user id.
CREATE TABLE machines (
    machine_code              CHAR(32)     NOT NULL,
    owner_public_id           CHAR(36)     NOT NULL,
    windows_uuid              VARCHAR(64)  NOT NULL,
    windows_product_id        VARCHAR(64)  NOT NULL,
    machine_os_name           VARCHAR(128) NOT NULL,
    machine_os_version        VARCHAR(64)  NOT NULL,
    machine_architecture      VARCHAR(32)  NOT NULL,
    machine_architecture_type VARCHAR(32)  NOT NULL,
    machine_platform          VARCHAR(32)  NOT NULL,
    machine_cpu               VARCHAR(128) NOT NULL,
    machine_motherboard       VARCHAR(128) NOT NULL,
    machine_mac_address       CHAR(17)     NOT NULL,
    bound_at                  DATETIME     NOT NULL,
    PRIMARY KEY (machine_code)
);
CREATE INDEX ix_machines_owner ON machines (owner_public_id);
