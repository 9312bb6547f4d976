-- Scheduled rules: ShedLock's lock table (one node sweeps at a time), when each scheduled rule set is next due, and
-- what has fired (once per rule set, due time and record: the unique key makes a second firing impossible even if
-- a lock expired under a slow sweep).
CREATE TABLE shedlock (
    name VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at TIMESTAMP(3) NOT NULL,
    locked_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
)${table_options};

CREATE TABLE MO_RULE_SCHEDULE (
    app_key VARCHAR(48) NOT NULL,
    rule_set VARCHAR(64) NOT NULL,
    next_due DATETIME(3) NOT NULL,
    PRIMARY KEY (app_key, rule_set)
)${table_options};

CREATE TABLE MO_RULE_FIRING (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    app_key VARCHAR(48) NOT NULL,
    rule_set VARCHAR(64) NOT NULL,
    due_key VARCHAR(32) NOT NULL,
    record_id BIGINT NOT NULL,
    fired_at DATETIME(3) NOT NULL,
    CONSTRAINT MO_RULE_FIRING_UK UNIQUE (app_key, rule_set, due_key, record_id)
)${table_options};
