-- Conditions a grant puts on the rows it gives (JSON array of {field, op, value, orBlank}); NULL: none.
ALTER TABLE MO_ROLE_GRANT ADD COLUMN row_filter LONGTEXT NULL;
