-- The revocation feed of docs/internal-api.md: every revocation gets a sequence number verifiers poll
-- after. A row revokes one token (jti) or every token of a user issued at or before revoked_before
-- (epoch seconds). expires_at (epoch seconds) is when the row stops mattering. Replaces V1's
-- revoked_tokens, which could not say "all tokens of this user" nor be read in order.
DROP TABLE revoked_tokens;

CREATE TABLE revocations (
    seq            BIGINT   NOT NULL AUTO_INCREMENT,
    jti            CHAR(36) NULL,
    subject        CHAR(36) NULL,
    revoked_before BIGINT   NULL,
    expires_at     BIGINT   NOT NULL,
    PRIMARY KEY (seq)
);
CREATE INDEX ix_revocations_jti ON revocations (jti);
CREATE INDEX ix_revocations_subject ON revocations (subject);
