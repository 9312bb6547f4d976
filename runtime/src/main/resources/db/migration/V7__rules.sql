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

-- Period runs of decision tables: their progress, and the result records each run wrote (a re-run of the same
-- period replaces them).
CREATE TABLE MO_RULE_RUN (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    app_key VARCHAR(48) NOT NULL,
    decision VARCHAR(64) NOT NULL,
    period_key VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    total INT NOT NULL,
    done INT NOT NULL,
    error VARCHAR(2000),
    started_by VARCHAR(64) NOT NULL,
    started_at DATETIME(3) NOT NULL,
    ended_at DATETIME(3)
)${table_options};

CREATE TABLE MO_RULE_RESULT (
    app_key VARCHAR(48) NOT NULL,
    decision VARCHAR(64) NOT NULL,
    period_key VARCHAR(64) NOT NULL,
    result_form VARCHAR(48) NOT NULL,
    record_id BIGINT NOT NULL,
    PRIMARY KEY (app_key, decision, period_key, result_form, record_id)
)${table_options};
