-- Metadata repository: apps, their definitions (each with an editable draft) and the immutable
-- published versions of every definition.

-- name_* and app_version mirror the app manifest so the launcher needs no manifest parsing:
-- names follow the newest manifest (draft or published), app_version the newest published one.
CREATE TABLE mo_app (
    id BIGINT AUTO_INCREMENT NOT NULL,
    app_key VARCHAR(48) NOT NULL,
    name_zh VARCHAR(200),
    name_en VARCHAR(200),
    app_version VARCHAR(64),
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT mo_app_key_uk UNIQUE (app_key)
)${table_options};

-- draft is NULL when the newest published version is current; published_version is the number of
-- the newest row in mo_definition_version (NULL before the first publish) and is the row locked to
-- number versions one after another.
CREATE TABLE mo_definition (
    id BIGINT AUTO_INCREMENT NOT NULL,
    app_id BIGINT NOT NULL,
    kind VARCHAR(48) NOT NULL,
    def_key VARCHAR(48) NOT NULL,
    draft LONGTEXT,
    published_version INT,
    created_at DATETIME(3) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT mo_definition_key_uk UNIQUE (app_id, kind, def_key),
    CONSTRAINT mo_definition_app_fk FOREIGN KEY (app_id) REFERENCES mo_app (id)
)${table_options};

-- Rows are only ever inserted: a published version never changes.
CREATE TABLE mo_definition_version (
    id BIGINT AUTO_INCREMENT NOT NULL,
    definition_id BIGINT NOT NULL,
    version_no INT NOT NULL,
    content LONGTEXT NOT NULL,
    checksum CHAR(64) NOT NULL,
    published_at DATETIME(3) NOT NULL,
    published_by VARCHAR(100) NOT NULL,
    publish_comment VARCHAR(1000),
    PRIMARY KEY (id),
    CONSTRAINT mo_definition_version_uk UNIQUE (definition_id, version_no),
    CONSTRAINT mo_definition_version_def_fk FOREIGN KEY (definition_id) REFERENCES mo_definition (id)
)${table_options};
