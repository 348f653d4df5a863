-- Token revocation, login-failure counters and admin dynamic secrets (DECISIONS.md §1, §4).
-- Signing keys come from configuration/secrets, not from this schema. Times are UTC.
CREATE TABLE revoked_tokens (
    jti        CHAR(36) NOT NULL,
    expires_at DATETIME NOT NULL,
    PRIMARY KEY (jti)
);
CREATE INDEX ix_revoked_tokens_expires_at ON revoked_tokens (expires_at);

-- One row per counted subject: an account ("account:<AegisSpeed or ID number>") or a client address ("address:<ip>").
CREATE TABLE login_failures (
    subject           VARCHAR(80) NOT NULL,
    failures          INT         NOT NULL,
    window_started_at DATETIME    NOT NULL,
    lockouts          INT         NOT NULL DEFAULT 0,
    locked_until      DATETIME    NULL,
    PRIMARY KEY (subject)
);

CREATE TABLE admin_secrets (
    token_jti   CHAR(36) NOT NULL,
    secret_hash CHAR(64) NOT NULL,
    expires_at  DATETIME NOT NULL,
    PRIMARY KEY (token_jti)
);
