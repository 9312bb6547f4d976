-- One-time links that let a user set their own password (an account a process opened has none anyone knows).
-- Only a SHA-256 of the link's secret is kept: reading this table does not give a working link.

CREATE TABLE MO_PASSWORD_LINK (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    token_hash CHAR(64) NOT NULL,
    expires_at TIMESTAMP(3) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT MO_PASSWORD_LINK_UK_TOKEN UNIQUE (token_hash),
    CONSTRAINT MO_PASSWORD_LINK_FK_USER FOREIGN KEY (user_id) REFERENCES MO_USER (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX MO_PASSWORD_LINK_IX_USER ON MO_PASSWORD_LINK (user_id);
