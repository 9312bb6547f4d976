-- Users, roles and their grants, the organisation tree, API tokens and login attempts.

CREATE TABLE MO_ORG_UNIT (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    parent_id BIGINT,
    code VARCHAR(64) NOT NULL,
    name VARCHAR(200) NOT NULL,
    unit_type VARCHAR(16) NOT NULL,
    manager_id BIGINT,
    created_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT MO_ORG_UNIT_UK_CODE UNIQUE (code),
    CONSTRAINT MO_ORG_UNIT_FK_PARENT FOREIGN KEY (parent_id) REFERENCES MO_ORG_UNIT (id)
)${table_options};

CREATE TABLE MO_USER (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    email VARCHAR(255),
    locale VARCHAR(8) NOT NULL,
    org_id BIGINT,
    manager_id BIGINT,
    dealer_id VARCHAR(64),
    enabled BOOLEAN NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT MO_USER_UK_USERNAME UNIQUE (username),
    CONSTRAINT MO_USER_FK_ORG FOREIGN KEY (org_id) REFERENCES MO_ORG_UNIT (id),
    CONSTRAINT MO_USER_FK_MANAGER FOREIGN KEY (manager_id) REFERENCES MO_USER (id)
)${table_options};

CREATE INDEX MO_USER_IX_DEALER ON MO_USER (dealer_id);

-- Org units and users refer to each other (a unit's manager is a user, a user belongs to a unit).
ALTER TABLE MO_ORG_UNIT ADD CONSTRAINT MO_ORG_UNIT_FK_MANAGER FOREIGN KEY (manager_id) REFERENCES MO_USER (id);

CREATE TABLE MO_ROLE (
    role_key VARCHAR(64) NOT NULL PRIMARY KEY,
    name_zh VARCHAR(200) NOT NULL,
    name_en VARCHAR(200) NOT NULL,
    built_in BOOLEAN NOT NULL
)${table_options};

INSERT INTO MO_ROLE (role_key, name_zh, name_en, built_in) VALUES ('admin', '系统管理员', 'Administrator', TRUE);
INSERT INTO MO_ROLE (role_key, name_zh, name_en, built_in) VALUES ('analyst', '业务分析师', 'Business analyst', TRUE);

CREATE TABLE MO_USER_ROLE (
    user_id BIGINT NOT NULL,
    role_key VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, role_key),
    CONSTRAINT MO_USER_ROLE_FK_USER FOREIGN KEY (user_id) REFERENCES MO_USER (id) ON DELETE CASCADE,
    CONSTRAINT MO_USER_ROLE_FK_ROLE FOREIGN KEY (role_key) REFERENCES MO_ROLE (role_key)
)${table_options};

CREATE INDEX MO_USER_ROLE_IX_ROLE ON MO_USER_ROLE (role_key);

-- One row per role, app and form ('*' = every form of the app). actions is a comma-separated list
-- (create,read,update,delete,export); field_access a JSON object {fieldKey: "hidden" | "read_only"}.
CREATE TABLE MO_ROLE_GRANT (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    role_key VARCHAR(64) NOT NULL,
    app_key VARCHAR(64) NOT NULL,
    form_key VARCHAR(64) NOT NULL,
    actions VARCHAR(100) NOT NULL,
    row_scope VARCHAR(16) NOT NULL,
    field_access LONGTEXT NOT NULL,
    CONSTRAINT MO_ROLE_GRANT_UK UNIQUE (role_key, app_key, form_key),
    CONSTRAINT MO_ROLE_GRANT_FK_ROLE FOREIGN KEY (role_key) REFERENCES MO_ROLE (role_key) ON DELETE CASCADE
)${table_options};

CREATE INDEX MO_ROLE_GRANT_IX_APP ON MO_ROLE_GRANT (app_key, form_key);

-- Only the SHA-256 of a token's secret is kept; prefix is the start of the token, shown to tell tokens apart.
CREATE TABLE MO_API_TOKEN (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL,
    prefix VARCHAR(16) NOT NULL,
    secret_hash CHAR(64) NOT NULL,
    scopes VARCHAR(64) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    expires_at TIMESTAMP(3) NULL,
    last_used_at TIMESTAMP(3) NULL,
    revoked_at TIMESTAMP(3) NULL,
    CONSTRAINT MO_API_TOKEN_UK_HASH UNIQUE (secret_hash),
    CONSTRAINT MO_API_TOKEN_FK_USER FOREIGN KEY (user_id) REFERENCES MO_USER (id) ON DELETE CASCADE
)${table_options};

CREATE INDEX MO_API_TOKEN_IX_USER ON MO_API_TOKEN (user_id);

-- Failed logins, kept in the database so that every runtime node sees the same counts.
-- counts_for_user is cleared by a successful login of that user; the client's count is unaffected.
CREATE TABLE MO_LOGIN_FAILURE (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    client_ip VARCHAR(64) NOT NULL,
    counts_for_user BOOLEAN NOT NULL,
    failed_at TIMESTAMP(3) NOT NULL
)${table_options};

CREATE INDEX MO_LOGIN_FAILURE_IX_USER ON MO_LOGIN_FAILURE (username, failed_at);
CREATE INDEX MO_LOGIN_FAILURE_IX_IP ON MO_LOGIN_FAILURE (client_ip, failed_at);
