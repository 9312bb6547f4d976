-- Webhooks an administrator configures in the UI (Admin -> Webhooks), beside those in mosaic.notify.webhooks.*; a key
-- here wins over the same key in the configuration. The secret signs deliveries (HMAC-SHA256) and is never sent back
-- by the API.
CREATE TABLE MO_WEBHOOK (
    webhook_key VARCHAR(64) NOT NULL PRIMARY KEY,
    url VARCHAR(2000) NOT NULL,
    secret VARCHAR(500),
    preset VARCHAR(16) NOT NULL,
    locale VARCHAR(8) NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    updated_at DATETIME(3) NOT NULL
)${table_options};

-- Hosts an administrator lets webhooks reach although they resolve to a loopback, private or link-local address
-- (an intranet ERP, say); added to mosaic.notify.webhook.allowed-hosts.
CREATE TABLE MO_WEBHOOK_HOST (
    host VARCHAR(255) NOT NULL PRIMARY KEY,
    added_by VARCHAR(64) NOT NULL,
    added_at DATETIME(3) NOT NULL
)${table_options};
