-- Uploaded files: what the platform knows of each; the bytes are in the file store under the same id. A file is
-- uploaded for one form and field (a key, or subtable.column for a sub-table column). record_id is set in the
-- transaction that saves the first record holding the file; from then on only that record may hold it.
CREATE TABLE MO_FILE (
    id VARCHAR(64) NOT NULL,
    app_key VARCHAR(48) NOT NULL,
    form_key VARCHAR(48) NOT NULL,
    field VARCHAR(97) NOT NULL,
    name VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size BIGINT NOT NULL,
    sha256 CHAR(64) NOT NULL,
    created_by BIGINT NOT NULL,
    created_at DATETIME(3) NOT NULL,
    record_id BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT MO_FILE_FK_CREATED_BY FOREIGN KEY (created_by) REFERENCES MO_USER (id)
)${table_options};

CREATE INDEX MO_FILE_IX_RECORD ON MO_FILE (app_key, form_key, record_id);
