-- Reliable notifications. The outbox of V5 (one row per topic and recipient, never delivered) becomes one row per
-- delivery: a channel and its target, written in the transaction of the change that causes it and delivered after
-- commit by the dispatcher. Rows of the old table were never delivered and only name tasks long gone, so they go.
DROP TABLE MO_OUTBOX;

-- channel: in_app | email | webhook; target: a username (in_app, email) or a configured webhook key.
-- message: JSON {title:{zh-CN,en}, body:{zh-CN,en}, link, data}. status: pending | sent | dead.
-- A dispatcher claims a due row by setting claimed_by and claimed_until (a lease) with a conditional UPDATE, so
-- several nodes on one database never deliver a row at the same time; an expired lease (a node that died
-- mid-delivery) lets another node deliver it again with the same idempotency key.
CREATE TABLE MO_OUTBOX (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    idempotency_key VARCHAR(36) NOT NULL,
    topic VARCHAR(64) NOT NULL,
    channel VARCHAR(16) NOT NULL,
    target VARCHAR(255) NOT NULL,
    message LONGTEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at DATETIME(3) NOT NULL,
    claimed_by VARCHAR(64),
    claimed_until DATETIME(3),
    last_error VARCHAR(2000),
    created_at DATETIME(3) NOT NULL,
    sent_at DATETIME(3),
    CONSTRAINT MO_OUTBOX_UK_KEY UNIQUE (idempotency_key)
)${table_options};

CREATE INDEX MO_OUTBOX_IX_DUE ON MO_OUTBOX (status, next_attempt_at);
CREATE INDEX MO_OUTBOX_IX_TARGET ON MO_OUTBOX (channel, target);

-- The in-app inbox. delivery_key is the outbox row's idempotency key: delivering a row twice stores it once.
CREATE TABLE MO_NOTIFICATION (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(64) NOT NULL,
    topic VARCHAR(64) NOT NULL,
    title_zh VARCHAR(500) NOT NULL,
    title_en VARCHAR(500) NOT NULL,
    body_zh VARCHAR(4000),
    body_en VARCHAR(4000),
    link VARCHAR(1000),
    delivery_key VARCHAR(36) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    read_at DATETIME(3),
    CONSTRAINT MO_NOTIFICATION_UK_DELIVERY UNIQUE (delivery_key)
)${table_options};

CREATE INDEX MO_NOTIFICATION_IX_USER ON MO_NOTIFICATION (username, read_at, id);
