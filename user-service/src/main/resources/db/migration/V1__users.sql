-- Users (DECISIONS.md §1, §4). Times are UTC. The numeric id is internal; public_id is the opaque
-- identifier other services and JWT "sub" use (never the ID number).
CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    public_id     CHAR(36)     NOT NULL,
    id_number     CHAR(18)     NOT NULL,
    aegisspeed_id CHAR(9)      NOT NULL,
    user_name     VARCHAR(64)  NOT NULL,
    phone_number  CHAR(11)     NOT NULL,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    user_role     VARCHAR(16)  NOT NULL,
    user_state    VARCHAR(16)  NOT NULL,
    created_at    DATETIME     NOT NULL,
    updated_at    DATETIME     NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_public_id UNIQUE (public_id),
    CONSTRAINT uk_users_id_number UNIQUE (id_number),
    CONSTRAINT uk_users_aegisspeed_id UNIQUE (aegisspeed_id),
    CONSTRAINT uk_users_phone_number UNIQUE (phone_number),
    CONSTRAINT uk_users_email UNIQUE (email)
);
