-- the MyMinfin sync: occurrences, attempts, company state, portal permits

CREATE TABLE sync_occurrences (
    enterprise_number TEXT NOT NULL CHECK (length(enterprise_number) = 10),
    due_at TEXT NOT NULL,
    state TEXT NOT NULL
        CHECK (state IN ('pending', 'claimed', 'done', 'gave_up', 'skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT,
    lease_owner TEXT,
    lease_until TEXT,
    outcome TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (enterprise_number, due_at)
);

CREATE INDEX sync_occurrences_by_state ON sync_occurrences (state, due_at);

CREATE TABLE sync_attempts (
    id INTEGER PRIMARY KEY,
    enterprise_number TEXT NOT NULL,
    due_at TEXT NOT NULL,
    worker TEXT NOT NULL,
    started_at TEXT NOT NULL,
    seconds REAL NOT NULL CHECK (seconds >= 0),
    documents INTEGER NOT NULL CHECK (documents >= 0),
    outcome TEXT NOT NULL,
    message TEXT NOT NULL
);

CREATE INDEX sync_attempts_by_start ON sync_attempts (started_at);

CREATE TABLE sync_companies (
    enterprise_number TEXT PRIMARY KEY CHECK (length(enterprise_number) = 10),
    watermark TEXT,
    last_success_at TEXT,
    no_mandate_since TEXT,
    load_documents REAL,
    load_seconds REAL,
    syncs INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sync_fetched (
    enterprise_number TEXT NOT NULL,
    portal_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (enterprise_number, portal_id)
);

CREATE TABLE sync_portal_permits (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    started_at TEXT NOT NULL,
    lease_until TEXT NOT NULL,
    finished_at TEXT
);

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
