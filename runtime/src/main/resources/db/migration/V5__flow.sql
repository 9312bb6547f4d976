-- Approval workflows: the platform's side of each process instance (which record it approves, its status for lists
-- and inboxes), every action taken with its comment, copies sent (CC) and the outbox of notifications. Flowable keeps
-- the running state in its own ACT_* tables; all of these are written in the same transaction as Flowable's.
CREATE TABLE MO_FLOW_INSTANCE (
    instance_id VARCHAR(64) NOT NULL,
    app_key VARCHAR(48) NOT NULL,
    form_key VARCHAR(48) NOT NULL,
    record_id BIGINT NOT NULL,
    binding_key VARCHAR(64) NOT NULL,
    title VARCHAR(500) NOT NULL,
    initiator VARCHAR(64) NOT NULL,
    status VARCHAR(16) NOT NULL,
    started_at DATETIME(3) NOT NULL,
    ended_at DATETIME(3),
    PRIMARY KEY (instance_id)
)${table_options};

CREATE INDEX MO_FLOW_INSTANCE_IX_INITIATOR ON MO_FLOW_INSTANCE (initiator, started_at);
CREATE INDEX MO_FLOW_INSTANCE_IX_RECORD ON MO_FLOW_INSTANCE (app_key, form_key, record_id);

-- attachments: a JSON array of {id, name}; to_users: a JSON array of usernames (transfer, delegate, cc, escalate).
CREATE TABLE MO_FLOW_ACTION (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    instance_id VARCHAR(64) NOT NULL,
    task_id VARCHAR(64),
    node_id VARCHAR(255),
    node_name VARCHAR(255),
    actor VARCHAR(64),
    action VARCHAR(32) NOT NULL,
    comment VARCHAR(2000),
    attachments VARCHAR(4000),
    target_id VARCHAR(255),
    target_name VARCHAR(255),
    to_users VARCHAR(2000),
    duration_ms BIGINT,
    acted_at DATETIME(3) NOT NULL
)${table_options};

CREATE INDEX MO_FLOW_ACTION_IX_INSTANCE ON MO_FLOW_ACTION (instance_id, id);
CREATE INDEX MO_FLOW_ACTION_IX_ACTOR ON MO_FLOW_ACTION (actor, acted_at);

CREATE TABLE MO_FLOW_CC (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    instance_id VARCHAR(64) NOT NULL,
    username VARCHAR(64) NOT NULL,
    from_user VARCHAR(64),
    created_at DATETIME(3) NOT NULL,
    read_at DATETIME(3)
)${table_options};

CREATE INDEX MO_FLOW_CC_IX_USER ON MO_FLOW_CC (username, created_at);

-- Comment attachments: the bytes are in the file store under the same id.
CREATE TABLE MO_FLOW_ATTACHMENT (
    id VARCHAR(64) NOT NULL,
    name VARCHAR(255) NOT NULL,
    content_type VARCHAR(255) NOT NULL,
    size BIGINT NOT NULL,
    created_by VARCHAR(64) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    instance_id VARCHAR(64),
    PRIMARY KEY (id)
)${table_options};

-- Notifications to deliver (task assigned, CC, urge, SLA reminder, outcome), written with the change that causes them.
CREATE TABLE MO_OUTBOX (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    topic VARCHAR(64) NOT NULL,
    recipient VARCHAR(64) NOT NULL,
    payload VARCHAR(4000) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    sent_at DATETIME(3)
)${table_options};

CREATE INDEX MO_OUTBOX_IX_PENDING ON MO_OUTBOX (sent_at, id);
