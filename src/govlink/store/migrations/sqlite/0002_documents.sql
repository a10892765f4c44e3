-- documents, alerts, sink switches and the document outbox

CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    enterprise_number TEXT NOT NULL CHECK (length(enterprise_number) = 10),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    kind TEXT NOT NULL,
    kind_label TEXT NOT NULL,
    title TEXT NOT NULL,
    document_date TEXT,
    received_at TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    UNIQUE (enterprise_number, sha256)
);

CREATE TABLE document_contents (
    document_id INTEGER PRIMARY KEY REFERENCES documents (id),
    content BLOB NOT NULL
);

CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    enterprise_number TEXT NOT NULL,
    company_name TEXT NOT NULL,
    recipient TEXT,
    fallback INTEGER NOT NULL,
    subject TEXT NOT NULL,
    message TEXT NOT NULL,
    document_sha256 TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('pending', 'sent', 'failed', 'undeliverable')),
    error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE sink_switches (
    sink TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL,
    enabled_at TEXT,
    tags TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id),
    sink TEXT NOT NULL,
    state TEXT NOT NULL
        CHECK (state IN ('pending', 'claimed', 'done', 'held', 'parked', 'unknown')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT,
    lease_owner TEXT,
    lease_until TEXT,
    reason TEXT,
    queued_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (document_id, sink)
);

CREATE INDEX outbox_due ON outbox (sink, state, not_before);
