-- Check logs reported by the ASAC core check unit, cheater marks and their audit history
-- (DECISIONS.md §5). user_public_id is user-service's opaque user id. Times are UTC.
CREATE TABLE check_logs (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    launch_code         VARCHAR(64)   NOT NULL,
    user_public_id      CHAR(36)      NOT NULL,
    machine_code        CHAR(32)      NOT NULL,
    check_result        VARCHAR(16)   NOT NULL,
    check_result_detail VARCHAR(2048) NOT NULL,
    start_time          DATETIME      NOT NULL,
    finish_time         DATETIME      NOT NULL,
    reported_at         DATETIME      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_check_logs_launch_code UNIQUE (launch_code)
);
CREATE INDEX ix_check_logs_user_time ON check_logs (user_public_id, start_time);

-- The current mark; a lifted mark is deleted here and kept in cheater_mark_events.
CREATE TABLE cheater_marks (
    user_public_id CHAR(36)      NOT NULL,
    reason         VARCHAR(1024) NOT NULL,
    marked_by      CHAR(36)      NOT NULL,
    marked_at      DATETIME      NOT NULL,
    PRIMARY KEY (user_public_id)
);

CREATE TABLE cheater_mark_events (
    id                    BIGINT        NOT NULL AUTO_INCREMENT,
    user_public_id        CHAR(36)      NOT NULL,
    action                VARCHAR(8)    NOT NULL,
    reason                VARCHAR(1024) NOT NULL,
    evidence_launch_codes VARCHAR(2048) NOT NULL,
    actor_public_id       CHAR(36)      NOT NULL,
    happened_at           DATETIME      NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_cheater_mark_events_user ON cheater_mark_events (user_public_id, happened_at);
